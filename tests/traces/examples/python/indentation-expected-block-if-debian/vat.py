def vat(amount, country):
    if country == "DE":
    return amount * 0.19
    return 0

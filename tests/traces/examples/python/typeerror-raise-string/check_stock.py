def reserve(stock, sku, qty):
    if stock.get(sku, 0) < qty:
        raise "not enough stock for %s" % sku
    stock[sku] -= qty


reserve({"A-100": 3}, "A-100", 5)

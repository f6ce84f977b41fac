def available(stock, sku):
    return stock.get(sku, 0) > 0

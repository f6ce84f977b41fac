products = [
    {"sku": "K-1", "price": 19.9},
    {"sku": "K-2", "price": None},
    {"sku": "K-3", "price": 7.5},
]

for p in sorted(products, key=lambda p: p["price"])[:2]:
    print(p["sku"], p["price"])

customer = {"name": "Sofia", "orders": 14}
class = "premium" if customer["orders"] > 10 else "standard"
print(customer["name"], class)

import json
print(json.dumps({"rows": [{"sku": f"SKU-{i:05d}", "qty": i % 7} for i in range(2000)]}))

payload = {"items": [1, 2, 3)}
print(payload)

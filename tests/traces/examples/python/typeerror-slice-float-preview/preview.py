body = "Spring sale: all teas 20% off until Sunday. Free shipping over 40 EUR."
limit = len(body) / 3
print(body[:limit] + "...")

prices = [3, 4, 5]
print(sum(p * 1.2 for p in prices, 0))

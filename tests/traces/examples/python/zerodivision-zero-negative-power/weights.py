distances = [1.5, 0.0, 3.2]
weights = [d ** -2 for d in distances]
print(weights)

names = ["a", "b"]
lookup = [i, n for i, n in enumerate(names)]
print(lookup)

scores = [71, 88, 93]

for i, s in enumerate(scores):
    # TODO: apply the curve
print(scores)

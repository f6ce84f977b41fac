scores = [51, 78, 92]
labels = ["pass" if s >= 60 for s in scores]
print(labels)

import math

values = [4.0, 5.5, 6.1, 5.0]
mean = sum(values) / len(values)
variance = sum((mean - v) for v in values) / len(values) - 0.1
print("stddev:", math.sqrt(variance))

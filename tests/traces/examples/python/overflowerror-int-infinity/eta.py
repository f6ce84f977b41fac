import math

remaining, rate = 5000, 0.0
eta = remaining / rate if rate else math.inf
print(f"ETA: {int(eta)} s")

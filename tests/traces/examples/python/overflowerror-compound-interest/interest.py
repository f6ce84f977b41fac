principal = 1000.0
rate = 5.0
months = 12 * 40
print(round(principal * (1 + rate) ** months, 2))

try:
    amount = int("12x")
except ValueError, TypeError:
    amount = 0
print(amount)

from decimal import Decimal

amounts = ["30.00", "12,50"]
print(sum(Decimal(a) for a in amounts))

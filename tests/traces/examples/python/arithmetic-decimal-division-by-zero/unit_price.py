from decimal import Decimal

lines = [("tea", "25.00", "5"), ("sample", "4.00", "0")]
for name, total, qty in lines:
    print(name, Decimal(total) / Decimal(qty))

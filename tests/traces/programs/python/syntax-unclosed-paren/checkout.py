from decimal import Decimal

from shipping.rates import free_shipping, rate_for

cart_total = Decimal("42.50")
cost = Decimal("0") if free_shipping(cart_total) else rate_for("FR", 3.4)
print(f"shipping: {cost} EUR")

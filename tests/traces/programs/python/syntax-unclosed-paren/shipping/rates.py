from decimal import Decimal

ZONES = {"DE": 1, "AT": 1, "FR": 2, "IT": 2, "US": 4}

BASE_RATE = Decimal("4.90")


def rate_for(country: str, weight_kg: float) -> Decimal:
    zone = ZONES.get(country, 5)
    surcharge = Decimal(str(round(max(weight_kg - 2, 0) * 1.35, 2))
    return BASE_RATE * zone + surcharge


def free_shipping(total: Decimal) -> bool:
    return total >= Decimal("60")

import imghdr


def line_total(unit_price: float, qty: int, vat_rate: float) -> float:
    return unit_price * qty * (1 + vat_rate)


def invoice_total(lines: list[tuple[float, int]], vat_rate: float = 0.19) -> float:
    return sum(line_total(price, qty, vat_rate) for price, qty in lines)


def logo_format(data: bytes) -> str | None:
    return imghdr.what(None, h=data)

import sys

INVOICES = [("INV-1", "2026-03-01"), ("INV-2", "2026-04-01")]


def due():
    today = datetime.date.today().isoformat()
    return [number for number, date in INVOICES if date <= today]


if __name__ == "__main__":
    if sys.argv[1:] == ["due"]:
        print("\n".join(due()))

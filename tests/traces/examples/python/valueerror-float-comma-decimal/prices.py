import csv
import sys

with open(sys.argv[1], newline="", encoding="utf-8") as fh:
    rows = list(csv.reader(fh, delimiter=";"))

total = sum(float(price) for _name, price in rows[1:])
print(f"{total:.2f}")

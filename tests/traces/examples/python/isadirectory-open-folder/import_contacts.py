import csv
import sys

with open(sys.argv[1], newline="", encoding="utf-8") as fh:
    print(sum(1 for _ in csv.reader(fh)), "rows")

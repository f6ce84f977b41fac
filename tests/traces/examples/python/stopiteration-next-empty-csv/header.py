import csv
import sys

with open(sys.argv[1], newline="") as fh:
    reader = csv.reader(fh)
    header = next(reader)
print(header)

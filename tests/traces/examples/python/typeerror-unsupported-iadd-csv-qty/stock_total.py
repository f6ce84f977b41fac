import csv
import sys


def total_quantity(path):
    total = 0
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            total += row["qty"]
    return total


if __name__ == "__main__":
    print("total units:", total_quantity(sys.argv[1]))

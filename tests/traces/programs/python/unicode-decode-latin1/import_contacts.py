import csv
import sys


def read_contacts(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh, delimiter=";")]


if __name__ == "__main__":
    contacts = read_contacts(sys.argv[1])
    print(f"{len(contacts)} contacts imported")

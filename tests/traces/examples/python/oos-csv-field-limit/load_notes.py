import csv

with open("notes.csv", "w", newline="") as fh:
    csv.writer(fh).writerows([["id", "note"], [1, "short"], [2, "x" * 200_000]])

with open("notes.csv", newline="") as fh:
    print(sum(1 for _ in csv.reader(fh)))

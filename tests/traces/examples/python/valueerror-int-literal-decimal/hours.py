import sys

total = 0
for line in open(sys.argv[1]):
    day, hours = line.split()
    total += int(hours)
print("total hours:", total)

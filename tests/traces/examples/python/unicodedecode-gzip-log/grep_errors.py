import sys

with open(sys.argv[1]) as fh:
    for line in fh:
        if " ERROR " in line:
            print(line, end="")

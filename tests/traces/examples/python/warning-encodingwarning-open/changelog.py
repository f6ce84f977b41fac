with open("CHANGELOG.md") as fh:
    first = fh.readline().strip()
print("latest:", first)

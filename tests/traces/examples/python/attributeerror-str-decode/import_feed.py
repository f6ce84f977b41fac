def titles(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield line.decode("utf-8").strip().title()


for t in titles("feed.txt"):
    print(t)

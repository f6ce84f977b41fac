def count(path):
    return len(open(path).readlines())


print(count("scores.csv"))

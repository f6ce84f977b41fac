def pairs(items):
    it = iter(items)
    for first in it:
        yield first, next(it)


print(list(pairs(["A-100", 4, "A-101", 2, "A-102"])))

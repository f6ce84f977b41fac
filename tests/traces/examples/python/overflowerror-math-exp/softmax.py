import math


def softmax(scores):
    exps = [math.exp(s) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


print(softmax([3.2, 1000.0, 5.1]))

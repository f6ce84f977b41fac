cache = {"a": 1}

def key():
    return "a"

del cache.get(key())

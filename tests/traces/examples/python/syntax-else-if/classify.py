def bucket(size):
    if size < 10:
        return "small"
    else if size > 100:
        return "large"
    return "medium"


print(bucket(42))

def make_counter():
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

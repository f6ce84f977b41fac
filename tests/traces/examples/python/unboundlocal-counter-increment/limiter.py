LIMIT = 3
requests_made = 0


def allow():
    if requests_made >= LIMIT:
        return False
    requests_made += 1
    return True


print([allow() for _ in range(5)])

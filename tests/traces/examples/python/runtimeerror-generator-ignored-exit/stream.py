def readings():
    try:
        for value in range(100):
            yield value
    finally:
        yield -1


for v in readings():
    if v == 2:
        break
print("done")

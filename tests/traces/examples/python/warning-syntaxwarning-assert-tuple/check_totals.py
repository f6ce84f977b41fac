def check(total, expected):
    assert (total == expected, f"total {total} != {expected}")


check(35.69, 35.7)
print("totals ok")

import datetime

str = "INV-" + datetime.date(2026, 3, 1).strftime("%Y%m")


def next_number(last):
    number = last + 1
    return str + "-" + str(number).zfill(4)


print(next_number(41))

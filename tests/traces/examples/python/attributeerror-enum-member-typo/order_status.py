from enum import Enum


class Status(Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"


def is_done(order):
    return order["status"] == Status.SHIPED.value


print(is_done({"id": 7, "status": "shipped"}))

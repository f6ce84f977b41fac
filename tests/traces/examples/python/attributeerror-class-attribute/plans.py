class Plan:
    def __init__(self, price):
        self.price = price


print("base price:", Plan.price)

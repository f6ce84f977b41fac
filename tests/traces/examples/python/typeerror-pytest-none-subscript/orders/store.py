class OrderStore:
    def __init__(self):
        self._orders = {}

    def add(self, order_id, total):
        self._orders[order_id] = {"id": order_id, "total": total}

    def find_order(self, order_id):
        return self._orders.get(order_id)

orders = {1041: {"total": 30.0}, 1042: {"total": 12.5}}
refunds = [(1042, 12.5), (1043, 8.0)]

for order_id, amount in refunds:
    order = orders[order_id]
    order["total"] -= amount
    print(order_id, order["total"])

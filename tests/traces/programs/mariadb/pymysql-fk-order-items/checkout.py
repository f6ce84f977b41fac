import logging

import pymysql

log = logging.getLogger("checkout")


def place_order(conn, email, cart):
    with conn.cursor() as cur:
        order_id = conn.insert_id()  # meant to be read *after* inserting the order
        cur.executemany(
            "INSERT INTO order_items (order_id, sku, qty) VALUES (%s, %s, %s)",
            [(order_id, sku, qty) for sku, qty in cart],
        )
        cur.execute("INSERT INTO orders (customer_email) VALUES (%s)", (email,))
    conn.commit()
    return order_id


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    conn = pymysql.connect(host="127.0.0.1", user="shop_app", password="Sh0p-dev!", database="webshop")
    log.info("placing order for %s", "kim@example.com")
    place_order(conn, "kim@example.com", [("BEANS-1KG", 2), ("FILTER-V60", 1)])

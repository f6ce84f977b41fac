import logging

import pymysql

logging.basicConfig(format="%(asctime)s %(name)s %(levelname)s %(message)s", level=logging.INFO)
log = logging.getLogger("hr-sync")

EMPLOYEES = [(1, "Ana", 10), (2, "Ben", 20)]
DEPARTMENTS = [(10, "Sales"), (20, "Support")]

def sync():
    conn = pymysql.connect(host="127.0.0.1", user="shop_app", password="Sh0p-dev!", database="hr")
    with conn, conn.cursor() as cur:
        log.info("syncing %d employees", len(EMPLOYEES))
        cur.executemany("INSERT INTO employees VALUES (%s, %s, %s)", EMPLOYEES)
        log.info("syncing %d departments", len(DEPARTMENTS))
        cur.executemany("INSERT INTO departments VALUES (%s, %s)", DEPARTMENTS)
        conn.commit()

try:
    sync()
except pymysql.MySQLError:
    log.exception("nightly sync failed")
    raise SystemExit(2)

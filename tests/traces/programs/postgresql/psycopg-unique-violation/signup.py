import logging

import psycopg

log = logging.getLogger("signup")
logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] %(name)s: %(message)s")


def create_account(conn, username):
    with conn.cursor() as cur:
        cur.execute("INSERT INTO accounts (username) VALUES (%s) RETURNING id", (username,))
        return cur.fetchone()[0]


with psycopg.connect("host=127.0.0.1 dbname=auth_service user=shop_app password=Sh0p-dev!") as conn:
    try:
        new_id = create_account(conn, "maria")
    except psycopg.Error:
        log.exception("signup failed for %r", "maria")
        raise SystemExit(1)
    log.info("created account %s", new_id)

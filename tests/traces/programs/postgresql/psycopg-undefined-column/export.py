import psycopg

with psycopg.connect("host=127.0.0.1 dbname=newsletter user=shop_app password=Sh0p-dev!") as conn:
    rows = conn.execute("SELECT id, emial FROM subscribers WHERE confirmed").fetchall()
    print(len(rows), "subscribers")

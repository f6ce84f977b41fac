import json

import psycopg

SCHEDULE = json.loads("""
[{"artist": "The Night Owls", "venue_id": 2},
 {"artist": "Marta Kowal Trio", "venue_id": 7}]
""")

with psycopg.connect("host=127.0.0.1 dbname=tickets user=shop_app password=Sh0p-dev!") as conn:
    with conn.cursor() as cur:
        for show in SCHEDULE:
            cur.execute(
                "INSERT INTO concerts (venue_id, artist) VALUES (%(venue_id)s, %(artist)s)",
                show,
            )
print("schedule loaded")

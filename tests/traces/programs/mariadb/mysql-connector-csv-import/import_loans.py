import csv
import io
import logging

import mysql.connector

logging.basicConfig(format="[%(asctime)s] %(levelname)s %(message)s", level=logging.INFO)

LOANS = "member_id,isbn\n1,978-0441013593\n7,978-0156027328\n"

conn = mysql.connector.connect(host="127.0.0.1", user="shop_app", password="Sh0p-dev!", database="library")
cur = conn.cursor()
for row in csv.DictReader(io.StringIO(LOANS)):
    logging.info("loan for member %s", row["member_id"])
    cur.execute("INSERT INTO loans (member_id, isbn) VALUES (%s, %s)", (row["member_id"], row["isbn"]))
conn.commit()

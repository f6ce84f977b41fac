import csv

import mysql.connector

conn = mysql.connector.connect(host="127.0.0.1", user="shop_app", password="Sh0p-dev!", database="newsletter")
cur = conn.cursor()
with open("signups.csv", newline="") as fh:
    for row in csv.DictReader(fh):
        cur.execute("INSERT INTO subscribers (email) VALUES (%s)", (row["email"].strip().lower(),))
conn.commit()
print("imported", cur.rowcount)

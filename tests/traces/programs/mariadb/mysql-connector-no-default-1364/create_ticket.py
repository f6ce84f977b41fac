import mysql.connector

conn = mysql.connector.connect(host="127.0.0.1", user="shop_app", password="Sh0p-dev!", database="support")
cur = conn.cursor()
cur.execute("INSERT INTO tickets (subject) VALUES (%s)", ("VPN drops every hour",))
conn.commit()
print("ticket", cur.lastrowid)

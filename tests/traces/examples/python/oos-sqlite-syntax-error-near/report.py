import sqlite3

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE sent (id INTEGER, channel TEXT)")
rows = db.execute("SELECT channel, COUNT(*) FORM sent GROUP BY channel").fetchall()
print(rows)

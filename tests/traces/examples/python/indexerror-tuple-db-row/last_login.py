import sqlite3

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, last_login TEXT)")
db.execute("INSERT INTO users (email, last_login) VALUES ('ana@example.org', '2026-03-14')")

row = db.execute("SELECT id, email FROM users WHERE id = 1").fetchone()
print(f"{row[1]} last logged in on {row[2]}")

import sqlite3

web = sqlite3.connect("helpdesk.db")
web.execute("CREATE TABLE IF NOT EXISTS sessions (id TEXT, expires REAL)")
web.commit()
web.execute("BEGIN IMMEDIATE")
web.execute("INSERT INTO sessions VALUES ('s1', 0)")

job = sqlite3.connect("helpdesk.db", timeout=0.2)
job.execute("DELETE FROM sessions WHERE expires < 1")
job.commit()

import sqlite3

db = sqlite3.connect(":memory:")
db.execute("PRAGMA foreign_keys = ON")
db.executescript("""
CREATE TABLE tickets (id INTEGER PRIMARY KEY, subject TEXT NOT NULL);
CREATE TABLE comments (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id), body TEXT);
""")

DUMP = {
    "tickets": [(1, "Printer offline")],
    "comments": [(10, 1, "Restarted the spooler")],
}
for table in sorted(DUMP):
    marks = ",".join("?" * len(DUMP[table][0]))
    db.executemany(f"INSERT INTO {table} VALUES ({marks})", DUMP[table])
    print("loaded", table)
db.commit()

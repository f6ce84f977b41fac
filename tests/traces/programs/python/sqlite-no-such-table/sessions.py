import sqlite3
import time

DB_PATH = "var/app.db"


def purge_expired(conn: sqlite3.Connection, now: float) -> int:
    cur = conn.execute("DELETE FROM user_sessions WHERE expires_at < ?", (now,))
    conn.commit()
    return cur.rowcount


if __name__ == "__main__":
    conn = sqlite3.connect(DB_PATH)
    conn.execute("CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user_id INTEGER, expires_at REAL)")
    removed = purge_expired(conn, time.time())
    print(f"purged {removed} expired sessions")

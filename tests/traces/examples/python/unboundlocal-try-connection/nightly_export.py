import sqlite3


def export(path):
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.OperationalError as exc:
        print(f"warning: cannot open {path}: {exc}")
    rows = conn.execute("SELECT id, subject FROM tickets").fetchall()
    return len(rows)


print(export("/opt/helpdesk/data/tickets.db"))

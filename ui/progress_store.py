"""Signed-in learners' milestone marks, kept on the server so they follow the account to any browser.

One row per milestone done, in the review database's SQLite file (its own ``learn_progress`` table):
unmarking deletes the row; a removed account's rows stay, so giving the account back gives its
progress back. The Learn tab (ui/tabs/learn.py) reads and writes it for a valid session only.
"""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime

from ui.learn_progress import LearnProgress
from ui.sqlite_store import SQLiteStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS learn_progress (
    account TEXT NOT NULL,
    path_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (account, path_id, n)
);
"""


class ProgressStore(SQLiteStore):
    """Milestones done per account; safe to use from many threads and processes (WAL, busy timeout)."""

    SCHEMA = SCHEMA


    def progress(self, account: str) -> LearnProgress:
        """Every milestone ``account`` has marked done."""
        with closing(self._connect()) as connection:
            rows = connection.execute("SELECT path_id, n FROM learn_progress WHERE account = ?", (account,)).fetchall()
        return LearnProgress(frozenset((path_id, int(n)) for path_id, n in rows))

    def mark(self, account: str, path_id: str, n: int) -> None:
        """Milestone ``n`` of ``path_id`` done (kept with its first time if it was already)."""
        self.merge(account, LearnProgress(frozenset({(path_id, int(n))})))

    def unmark(self, account: str, path_id: str, n: int) -> None:
        """Milestone ``n`` of ``path_id`` not done: its row goes."""
        with closing(self._connect()) as connection:
            connection.execute("DELETE FROM learn_progress WHERE account = ? AND path_id = ? AND n = ?",
                               (account, path_id, int(n)))

    def merge(self, account: str, progress: LearnProgress) -> LearnProgress:
        """Add ``progress`` to the account's (a union: nothing it held goes); the account's progress after."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with closing(self._connect()) as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany("INSERT OR IGNORE INTO learn_progress (account, path_id, n, marked_at) "
                                   "VALUES (?,?,?,?)", [(account, path_id, n, now) for path_id, n in progress.done])
            connection.execute("COMMIT")
        return self.progress(account)

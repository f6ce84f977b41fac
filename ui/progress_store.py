"""Signed-in learners' milestone marks, kept on the server so they follow the account to any browser.

One row per milestone done, in the review database (its own ``learn_progress`` table; ui/database.py):
unmarking deletes the row; a removed account's rows stay, so giving the account back gives its
progress back. The Learn tab (ui/tabs/learn.py) reads and writes it for a valid session only.
"""

from __future__ import annotations

from sqlalchemy import text

from ui.database import DatabaseStore, now
from ui.learn_progress import LearnProgress


class ProgressStore(DatabaseStore):
    """Milestones done per account; safe to use from many threads and processes."""

    def progress(self, account: str) -> LearnProgress:
        """Every milestone ``account`` has marked done."""
        with self.database.reading() as connection:
            rows = connection.execute(text("SELECT path_id, n FROM learn_progress WHERE account = :account"),
                                      {"account": account}).all()
        return LearnProgress(frozenset((path_id, int(n)) for path_id, n in rows))

    def mark(self, account: str, path_id: str, n: int) -> None:
        """Milestone ``n`` of ``path_id`` done (kept with its first time if it was already)."""
        self.merge(account, LearnProgress(frozenset({(path_id, int(n))})))

    def unmark(self, account: str, path_id: str, n: int) -> None:
        """Milestone ``n`` of ``path_id`` not done: its row goes."""
        with self.database.writing() as connection:
            connection.execute(text("DELETE FROM learn_progress WHERE account = :account AND path_id = :path_id "
                                    "AND n = :n"), {"account": account, "path_id": path_id, "n": int(n)})

    def merge(self, account: str, progress: LearnProgress) -> LearnProgress:
        """Add ``progress`` to the account's (a union: nothing it held goes); the account's progress after."""
        marked_at = now()
        rows = [{"account": account, "path_id": path_id, "n": n, "marked_at": marked_at}
                for path_id, n in sorted(progress.done)]
        if rows:  # one transaction: all of them or none
            with self.database.writing() as connection:
                connection.execute(text("INSERT INTO learn_progress (account, path_id, n, marked_at) "
                                        "VALUES (:account, :path_id, :n, :marked_at) ON CONFLICT DO NOTHING"), rows)
        return self.progress(account)

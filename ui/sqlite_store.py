"""The base of the stores that share the review database (reviews.sqlite): answers and reviews,
suggestions, mentor accounts, learning progress.

Each store keeps its own tables in the one file. Every call opens its own short-lived connection,
in WAL mode with a busy time-out, so many threads and processes can write at once without losing rows.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

BUSY_TIMEOUT_SECONDS = 30


class SQLiteStore:
    """A store over one SQLite file; subclasses set ``SCHEMA`` (and may ``_migrate`` older files)."""

    SCHEMA = ""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as connection:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.executescript(self.SCHEMA)
            self._migrate(connection)

    def _migrate(self, connection: sqlite3.Connection) -> None:
        """Bring a file made by an older khub up to this schema (nothing by default)."""

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        connection.row_factory = sqlite3.Row
        return connection

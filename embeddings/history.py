"""The ingest history: what each ingest that went live added, changed and removed, by id, title and kind.

One SQLite file beside the index (``<index dir>/history.sqlite``) but outside its snapshots, like the
review store: rebuilding the index keeps it. An ingest is recorded once its snapshot is live, in one
transaction, so a failed ingest writes nothing and a reader never sees half of a record. ``khub new``
and the app's "What's new" tab read it.

    ingests   id, finished_at (UTC, ISO 8601), snapshot, entries
    changes   ingest_id, entry_id, change (added, changed or removed), title, kind
    known     the title and kind last seen of each entry, so a removed entry keeps its name
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from embeddings.storage import BuildReport
from ingest.entry import Entry
from khub.errors import KhubError

FILE_NAME = "history.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS ingests (
    id INTEGER PRIMARY KEY,
    finished_at TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    entries INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS changes (
    id INTEGER PRIMARY KEY,
    ingest_id INTEGER NOT NULL REFERENCES ingests(id),
    entry_id TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('added', 'changed', 'removed')),
    title TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_by_entry ON changes(entry_id);
CREATE TABLE IF NOT EXISTS known (
    entry_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL
);
"""
# Each entry once, as its latest change in the window: an entry added and then edited is "changed".
LATEST = """
    SELECT i.finished_at AS at, c.change, c.entry_id, c.title, c.kind
    FROM changes c JOIN ingests i ON i.id = c.ingest_id
    WHERE c.id IN (SELECT MAX(c2.id) FROM changes c2 JOIN ingests i2 ON i2.id = c2.ingest_id
                   WHERE i2.finished_at >= ? GROUP BY c2.entry_id)
      AND c.change {test} 'removed'
    ORDER BY c.ingest_id DESC, c.change, c.entry_id
    LIMIT ?"""
DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
logger = logging.getLogger("khub")


class HistoryError(KhubError):
    """A question the ingest history cannot answer as asked (a --since that is not a date)."""


@dataclass(frozen=True)
class Change:
    """One entry as one ingest left it."""

    at: str  # when the ingest went live: UTC, ISO 8601
    change: str  # added, changed or removed
    entry_id: str
    title: str
    kind: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class WhatsNew:
    """Entries added or changed (newest first), and those removed, since a time."""

    began: str | None  # the first recorded ingest; None when the index has no history yet
    since: str | None
    updated: tuple[Change, ...] = ()
    removed: tuple[Change, ...] = ()

    def as_dict(self) -> dict:
        """The shape of ``khub new --json``."""
        return {"history_began": self.began, "since": self.since,
                "updated": [change.as_dict() for change in self.updated],
                "removed": [change.as_dict() for change in self.removed]}


class IngestHistory:
    """The history file of one index folder; safe for one writer (the ingest lock) and many readers."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def exists(self) -> bool:
        """Whether any ingest was recorded here (an index built before the history has none)."""
        return self.path.is_file()

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 30000")
        connection.row_factory = sqlite3.Row
        return connection

    def record(self, report: BuildReport, entries: Sequence[Entry], at: datetime | None = None) -> int | None:
        """Append what a live ingest did; return the record's id, or None when it changed nothing."""
        if not (report.added or report.changed or report.removed):
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        by_id = {entry.id: entry for entry in entries}
        finished = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
        with closing(self._connect()) as connection:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.executescript(SCHEMA)
            connection.execute("BEGIN IMMEDIATE")
            first = connection.execute("SELECT 1 FROM ingests LIMIT 1").fetchone() is None
            ingest_id = connection.execute(
                "INSERT INTO ingests (finished_at, snapshot, entries) VALUES (?,?,?)",
                (finished, report.snapshot, report.entries)).lastrowid
            rows = [(ingest_id, entry_id, change, by_id[entry_id].title, by_id[entry_id].kind)
                    for change, ids in (("added", report.added), ("changed", report.changed)) for entry_id in ids]
            rows += [(ingest_id, entry_id, "removed", *_known(connection, entry_id)) for entry_id in report.removed]
            connection.executemany(
                "INSERT INTO changes (ingest_id, entry_id, change, title, kind) VALUES (?,?,?,?,?)", rows)
            # The first record learns every entry's name, so entries indexed before it keep theirs when removed.
            named = entries if first else [by_id[entry_id] for entry_id in (*report.added, *report.changed)]
            connection.executemany(
                "INSERT INTO known (entry_id, title, kind) VALUES (?,?,?) ON CONFLICT(entry_id) DO UPDATE "
                "SET title = excluded.title, kind = excluded.kind", [(e.id, e.title, e.kind) for e in named])
            connection.executemany("DELETE FROM known WHERE entry_id = ?", [(e,) for e in report.removed])
            connection.execute("COMMIT")
        return ingest_id

    def whats_new(self, since: datetime | None = None, limit: int = 50) -> WhatsNew:
        """Entries added or changed since ``since`` (all recorded time when None), newest first, each once
        as its latest change; removed entries apart. At most ``limit`` of each."""
        start = "" if since is None else since.astimezone(UTC).isoformat(timespec="seconds")
        shown_since = start or None
        if not self.exists():
            return WhatsNew(began=None, since=shown_since)
        with closing(self._connect()) as connection:
            began = connection.execute("SELECT MIN(finished_at) FROM ingests").fetchone()[0]
            updated = connection.execute(LATEST.format(test="!="), (start, limit)).fetchall()
            removed = connection.execute(LATEST.format(test="="), (start, limit)).fetchall()
        return WhatsNew(began=began, since=shown_since, updated=tuple(Change(**dict(row)) for row in updated),
                        removed=tuple(Change(**dict(row)) for row in removed))


def _known(connection: sqlite3.Connection, entry_id: str) -> tuple[str, str]:
    """The last title and kind the history saw for an entry; blank for one it never saw."""
    row = connection.execute("SELECT title, kind FROM known WHERE entry_id = ?", (entry_id,)).fetchone()
    return (row["title"], row["kind"]) if row else ("", "")


def record_ingest(index_dir: Path, report: BuildReport, entries: Sequence[Entry]) -> None:
    """Record a live ingest in the index folder's history. The index is already live: a history that
    cannot be written is reported as a warning, not as a failed ingest."""
    history = IngestHistory(Path(index_dir) / FILE_NAME)
    try:
        history.record(report, entries)
    except sqlite3.Error as exc:
        logger.warning("the index is live, but its ingest history %s was not updated (%s); "
                       "khub new will not list this ingest's changes", history.path, exc)


def parse_since(text: str) -> datetime:
    """A ``--since`` value: YYYY-MM-DD (from the start of that day) or an ISO 8601 date and time; without
    an offset it is local time."""
    value = text.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or not (DATE_ONLY.fullmatch(value) or "T" in value or " " in value):
        raise HistoryError(f"{text!r} is not a date; use YYYY-MM-DD (e.g. 2025-06-01) or an ISO date and time "
                           "(e.g. 2025-06-01T09:30 or 2025-06-01T09:30:00+02:00)")
    return parsed if parsed.tzinfo else parsed.astimezone()  # naive: the local clock's time

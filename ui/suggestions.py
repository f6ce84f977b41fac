"""Readers' suggested improvements to entries, and mentors' decisions on them, kept in the review store's file.

A suggestion holds the whole proposed body (and optionally a new title), the reason, and the text it
was made against. A mentor accepts or rejects it with a note; either way the row stays (nothing is
lost), with who decided and when, the file an acceptance wrote and that file's previous text. An
acceptance that could not be applied stays pending, with the error.

The table lives in the same SQLite file as the review store (``<index dir>/reviews.sqlite``) on its
own connections, opened as ui/reviews.py opens them: WAL mode, a busy time-out, one short
transaction per write.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from khub.errors import KhubError
from khub.settings import max_entry_bytes
from ui.exports import write_csv
from ui.sqlite_store import SQLiteStore

STATUSES = ("pending", "accepted", "rejected")
MAX_REASON = 2_000  # characters; a reason is a sentence or two, not a second body
MAX_TITLE = 300  # characters, as a one-line title
SCHEMA = """
CREATE TABLE IF NOT EXISTS suggestions (
    id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL,
    title TEXT,
    reason TEXT NOT NULL DEFAULT '',
    base_title TEXT NOT NULL DEFAULT '',
    base_body TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    decided_by TEXT,
    decided_at TEXT,
    note TEXT NOT NULL DEFAULT '',
    file_written TEXT,
    previous_text TEXT,
    error TEXT
);
CREATE INDEX IF NOT EXISTS suggestions_by_status ON suggestions(status, id);
"""


class SuggestionError(KhubError):
    """A suggestion that cannot be made or decided (empty, unknown, already decided, not applied)."""


@dataclass(frozen=True)
class Suggestion:
    """One proposed improvement to an entry, and what became of it."""

    id: int
    entry_id: str
    created_at: str
    body: str  # the whole proposed body
    title: str | None  # a proposed new title, or None to keep the entry's
    reason: str
    base_title: str  # the entry's title and body when the suggestion was made
    base_body: str
    status: str = "pending"
    decided_by: str | None = None
    decided_at: str | None = None
    note: str = ""
    file_written: str | None = None  # the Markdown file an acceptance wrote
    previous_text: str | None = None  # what that file held before ("" when it was new)
    error: str | None = None  # why the last acceptance could not be applied


COLUMNS = tuple(field.name for field in fields(Suggestion))


class SuggestionStore(SQLiteStore):
    """Suggestions in the review store's SQLite file; safe to use from many threads and processes."""

    SCHEMA = SCHEMA


    def _write(self, sql: str, parameters: tuple) -> sqlite3.Cursor:
        with closing(self._connect()) as connection:
            connection.execute("BEGIN IMMEDIATE")
            cursor = connection.execute(sql, parameters)
            connection.execute("COMMIT")
            return cursor

    def add(self, entry_id: str, body: str, *, title: str | None = None, reason: str = "", base_title: str = "",
            base_body: str = "") -> Suggestion:
        """Store a reader's proposal for ``entry_id``; SuggestionError if it proposes nothing new."""
        body, title, reason = _text(body), _text(title or "") or None, _text(reason)[:MAX_REASON]
        if not body:
            raise SuggestionError(f"the suggestion for {entry_id} has no text; edit the entry's text, then send it")
        if len(body.encode("utf-8")) > max_entry_bytes():
            raise SuggestionError(f"the suggested text for {entry_id} is over the {max_entry_bytes() / 1e6:g} MB limit "
                                  "of one entry; suggest a shorter text (or split the entry)")
        if title and ("\n" in title or len(title) > MAX_TITLE):
            raise SuggestionError(f"the suggested title for {entry_id} is not one line of at most {MAX_TITLE} "
                                  "characters; shorten it")
        if body == _text(base_body) and title in (None, _text(base_title)):
            raise SuggestionError(f"the suggestion for {entry_id} is the entry's current text; change something "
                                  "first, and say why in the reason")
        cursor = self._write(
            "INSERT INTO suggestions (entry_id, created_at, body, title, reason, base_title, base_body) "
            "VALUES (?,?,?,?,?,?,?)", (entry_id, _now(), body, title, reason, base_title, base_body))
        assert cursor.lastrowid is not None  # set by the INSERT
        return self.get(cursor.lastrowid)

    def get(self, suggestion_id: int) -> Suggestion:
        """One suggestion; SuggestionError if there is none with that id."""
        with closing(self._connect()) as connection:
            row = connection.execute("SELECT * FROM suggestions WHERE id = ?", (suggestion_id,)).fetchone()
        if row is None:
            raise SuggestionError(f"no suggestion #{suggestion_id} in {self.path}; refresh the list of suggestions")
        return Suggestion(**{name: row[name] for name in COLUMNS})

    def listing(self, include_decided: bool = False, limit: int = 200) -> list[Suggestion]:
        """Pending suggestions oldest first (the queue's order), or every one, newest first."""
        sql = ("SELECT * FROM suggestions ORDER BY id DESC LIMIT ?" if include_decided
               else "SELECT * FROM suggestions WHERE status = 'pending' ORDER BY id LIMIT ?")
        with closing(self._connect()) as connection:
            return [Suggestion(**{name: row[name] for name in COLUMNS}) for row in connection.execute(sql, (limit,))]

    def export_csv(self, path: Path) -> Path:
        """Every suggestion, pending or decided, with who decided it and why, as spreadsheet-safe CSV."""
        rows = [asdict(suggestion) for suggestion in self.listing(include_decided=True, limit=1_000_000)]
        return write_csv(rows, COLUMNS, path)

    def accepted_files(self) -> list[Path]:
        """The Markdown files acceptances wrote, oldest first (each once)."""
        with closing(self._connect()) as connection:
            rows = connection.execute("SELECT file_written FROM suggestions WHERE status = 'accepted' "
                                      "AND file_written IS NOT NULL ORDER BY id").fetchall()
        return list(dict.fromkeys(Path(row[0]) for row in rows))

    def accept(self, suggestion_id: int, reviewer: str, note: str, *, file_written: Path,
               previous_text: str) -> Suggestion:
        """Record that a mentor accepted the suggestion and that ``file_written`` now holds it."""
        self._decide(suggestion_id, "accepted", reviewer, note, str(file_written), previous_text)
        return self.get(suggestion_id)

    def reject(self, suggestion_id: int, reviewer: str, note: str = "") -> Suggestion:
        """Record that a mentor rejected the suggestion; it is kept, with the note."""
        self._decide(suggestion_id, "rejected", reviewer, note, None, None)
        return self.get(suggestion_id)

    def record_error(self, suggestion_id: int, error: str) -> Suggestion:
        """Keep why an acceptance could not be applied; the suggestion stays pending."""
        self._write("UPDATE suggestions SET error = ? WHERE id = ?", (error, suggestion_id))
        return self.get(suggestion_id)

    def _decide(self, suggestion_id: int, status: str, reviewer: str, note: str, file_written: str | None,
                previous_text: str | None) -> None:
        cursor = self._write(
            "UPDATE suggestions SET status = ?, decided_by = ?, decided_at = ?, note = ?, file_written = ?, "
            "previous_text = ?, error = NULL WHERE id = ? AND status = 'pending'",
            (status, reviewer, _now(), _text(note), file_written, previous_text, suggestion_id))
        if cursor.rowcount == 0:
            current = self.get(suggestion_id)  # raises for an unknown id
            raise SuggestionError(f"suggestion #{suggestion_id} was already {current.status} by "
                                  f"{current.decided_by} at {current.decided_at}; refresh the list")


def _text(value: str) -> str:
    """Text as a browser or a file gives it, with ``\\n`` line endings and no surrounding blank space."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

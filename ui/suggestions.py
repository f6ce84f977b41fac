"""Readers' suggested improvements to entries, and mentors' decisions on them, kept in the review store's file.

A suggestion holds the whole proposed body (and optionally a new title), the reason, and the text it
was made against. A mentor accepts or rejects it with a note; either way the row stays (nothing is
lost), with who decided and when, the file an acceptance wrote and that file's previous text. An
acceptance that could not be applied stays pending, with the error.

The table lives in the review database beside the review store's (ui/database.py: a SQLite file or
a PostgreSQL server), one short transaction per write.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from sqlalchemy import text

from khub.errors import KhubError
from khub.settings import max_entry_bytes
from ui.database import DatabaseStore, now
from ui.exports import write_csv

STATUSES = ("pending", "accepted", "rejected")
MAX_REASON = 2_000  # characters; a reason is a sentence or two, not a second body
MAX_TITLE = 300  # characters, as a one-line title


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


class SuggestionStore(DatabaseStore):
    """Suggestions in the review database; safe to use from many threads and processes."""

    def _write(self, sql: str, parameters: dict) -> int:
        """Run one statement in its own transaction; return how many rows it changed."""
        with self.database.writing() as connection:
            return connection.execute(text(sql), parameters).rowcount

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
        with self.database.writing() as connection:
            added = connection.execute(text(
                "INSERT INTO suggestions (entry_id, created_at, body, title, reason, base_title, base_body) VALUES "
                "(:entry_id, :created_at, :body, :title, :reason, :base_title, :base_body) RETURNING id"),
                {"entry_id": entry_id, "created_at": now(), "body": body, "title": title, "reason": reason,
                 "base_title": base_title, "base_body": base_body}).scalar_one()
        return self.get(added)

    def get(self, suggestion_id: int) -> Suggestion:
        """One suggestion; SuggestionError if there is none with that id."""
        with self.database.reading() as connection:
            row = connection.execute(text("SELECT * FROM suggestions WHERE id = :id"),
                                     {"id": suggestion_id}).mappings().first()
        if row is None:
            raise SuggestionError(f"no suggestion #{suggestion_id} in {self.path}; refresh the list of suggestions")
        return Suggestion(**{name: row[name] for name in COLUMNS})

    def listing(self, include_decided: bool = False, limit: int = 200) -> list[Suggestion]:
        """Pending suggestions oldest first (the queue's order), or every one, newest first."""
        sql = ("SELECT * FROM suggestions ORDER BY id DESC LIMIT :limit" if include_decided
               else "SELECT * FROM suggestions WHERE status = 'pending' ORDER BY id LIMIT :limit")
        with self.database.reading() as connection:
            rows = connection.execute(text(sql), {"limit": limit}).mappings()
            return [Suggestion(**{name: row[name] for name in COLUMNS}) for row in rows]

    def export_csv(self, path: Path) -> Path:
        """Every suggestion, pending or decided, with who decided it and why, as spreadsheet-safe CSV."""
        rows = [asdict(suggestion) for suggestion in self.listing(include_decided=True, limit=1_000_000)]
        return write_csv(rows, COLUMNS, path)

    def accepted_files(self) -> list[Path]:
        """The Markdown files acceptances wrote, oldest first (each once)."""
        with self.database.reading() as connection:
            written = connection.execute(text("SELECT file_written FROM suggestions WHERE status = 'accepted' "
                                              "AND file_written IS NOT NULL ORDER BY id")).scalars().all()
        return list(dict.fromkeys(Path(name) for name in written))

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
        self._write("UPDATE suggestions SET error = :error WHERE id = :id", {"error": error, "id": suggestion_id})
        return self.get(suggestion_id)

    def _decide(self, suggestion_id: int, status: str, reviewer: str, note: str, file_written: str | None,
                previous_text: str | None) -> None:
        decided = self._write(
            "UPDATE suggestions SET status = :status, decided_by = :reviewer, decided_at = :decided_at, note = :note, "
            "file_written = :file_written, previous_text = :previous_text, error = NULL "
            "WHERE id = :id AND status = 'pending'",
            {"status": status, "reviewer": reviewer, "decided_at": now(), "note": _text(note),
             "file_written": file_written, "previous_text": previous_text, "id": suggestion_id})
        if decided == 0:
            current = self.get(suggestion_id)  # raises for an unknown id
            raise SuggestionError(f"suggestion #{suggestion_id} was already {current.status} by "
                                  f"{current.decided_by} at {current.decided_at}; refresh the list")


def _text(value: str) -> str:
    """Text as a browser or a file gives it, with ``\\n`` line endings and no surrounding blank space."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()

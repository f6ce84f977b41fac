"""A Problem: one bad file or entry, located precisely and paired with the fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from khub.errors import CorpusError


@dataclass(frozen=True)
class Problem:
    """Something wrong in the archive: where it is, what is wrong, and what to do."""

    where: str  # "corpus/qa/x.md:3" or "entries.jsonl:120"
    message: str
    hint: str = ""
    field: str | None = None
    entry_id: str | None = None

    def as_dict(self) -> dict:
        """The problem as ``khub ingest --json`` and ``khub check --json`` print it."""
        return {"where": self.where, "field": self.field, "entry_id": self.entry_id, "message": self.message,
                "hint": self.hint}

    def __str__(self) -> str:
        field = f" field '{self.field}':" if self.field else ""
        hint = f"; {self.hint}" if self.hint else ""
        return f"{self.where}:{field} {self.message}{hint}"


class EntryRejected(CorpusError):
    """Raised by a reader or validator for one entry; the loader turns it into a Problem."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def reject(where: str, message: str, hint: str = "", field: str | None = None,
           entry_id: str | None = None) -> NoReturn:
    """Raise EntryRejected for one entry (a shorthand readers and validators share)."""
    raise EntryRejected(Problem(where, message, hint, field, entry_id))

"""Named mentor accounts: passwords hashed with Argon2 (argon2-cffi), kept in the review database.

A removed account is marked removed, never deleted: the verdicts, notes and accepted suggestions
it made keep its name, and it can no longer sign in. The environment pair (KHUB_REVIEW_USER,
KHUB_REVIEW_PASSWORD) bootstraps the first account when none exists.
"""

from __future__ import annotations

import re
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from khub.errors import KhubError
from ui.sqlite_store import SQLiteStore

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 12  # characters; a passphrase of a few words passes, a dictionary word does not
SCHEMA = """
CREATE TABLE IF NOT EXISTS mentors (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    removed_at TEXT
);
"""
_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verified when a name is unknown, so a wrong name takes as long as a wrong password (no user probing).
_DUMMY_HASH = _HASHER.hash("khub: no such mentor")


class AccountError(KhubError):
    """An account action that cannot be done (a bad name, a short password, an unknown mentor)."""


@dataclass(frozen=True)
class Mentor:
    """One mentor account as listed (never with its hash)."""

    name: str
    created_at: str
    removed_at: str | None

    @property
    def active(self) -> bool:
        return self.removed_at is None


class MentorAccounts(SQLiteStore):
    """Mentor accounts in the review store's SQLite file (its own table)."""

    SCHEMA = SCHEMA


    def add(self, name: str, password: str) -> Mentor:
        """A new account, or a removed one given back with a new password."""
        _check_name(name)
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"the password is {len(password)} characters; use at least {MIN_PASSWORD} "
                               "(a few words make a good one)")
        existing = self.get(name)
        if existing is not None and existing.active:
            raise AccountError(f"mentor {name!r} exists; remove it first (khub mentor remove {name}) to reset it")
        with closing(self._connect()) as connection:
            connection.execute("INSERT INTO mentors (name, password_hash, created_at) VALUES (?,?,?) "
                               "ON CONFLICT(name) DO UPDATE SET password_hash = excluded.password_hash, "
                               "created_at = excluded.created_at, removed_at = NULL",
                               (name, _HASHER.hash(password), _now()))
        added = self.get(name)
        assert added is not None
        return added

    def remove(self, name: str) -> Mentor:
        """Mark an account removed: it cannot sign in; what it did keeps its name."""
        found = self.get(name)
        if found is None or not found.active:
            raise AccountError(f"no active mentor {name!r}; see: khub mentor list")
        with closing(self._connect()) as connection:
            connection.execute("UPDATE mentors SET removed_at = ? WHERE name = ?", (_now(), name))
        removed = self.get(name)
        assert removed is not None
        return removed

    def get(self, name: str) -> Mentor | None:
        with closing(self._connect()) as connection:
            row = connection.execute("SELECT name, created_at, removed_at FROM mentors WHERE name = ?",
                                     (name,)).fetchone()
        return Mentor(**dict(row)) if row else None

    def list(self, include_removed: bool = False) -> list[Mentor]:
        with closing(self._connect()) as connection:
            rows = connection.execute("SELECT name, created_at, removed_at FROM mentors ORDER BY name").fetchall()
        mentors = [Mentor(**dict(row)) for row in rows]
        return mentors if include_removed else [mentor for mentor in mentors if mentor.active]

    def verify(self, name: str, password: str) -> bool:
        """True when ``name`` is an active mentor and ``password`` is theirs (constant work either way)."""
        with closing(self._connect()) as connection:
            row = connection.execute("SELECT password_hash FROM mentors WHERE name = ? AND removed_at IS NULL",
                                     (name or "",)).fetchone()
        try:
            _HASHER.verify(row["password_hash"] if row else _DUMMY_HASH, password or "")
        except (VerificationError, InvalidHashError):
            return False
        return row is not None

    def bootstrap(self, login: tuple[str, str] | None) -> bool:
        """Create the environment pair's account when there is no account at all; True if it was created."""
        if login is None or self.list(include_removed=True):
            return False
        self.add(*login)
        return True


def _check_name(name: str) -> None:
    if not NAME.match(name or ""):
        raise AccountError(f"mentor name {name!r} is not usable: use 1-64 letters, digits, '.', '_', '-' or '@', "
                           "starting with a letter or digit")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

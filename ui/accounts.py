"""Named mentor accounts: passwords hashed with Argon2 (argon2-cffi), kept in the review database.

A removed account is marked removed, never deleted: the verdicts, notes and accepted suggestions
it made keep its name, and it can no longer sign in. The environment pair (KHUB_REVIEW_USER,
KHUB_REVIEW_PASSWORD) bootstraps the first account when none exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import text

from khub.errors import KhubError
from ui.database import DatabaseStore, now

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 12  # characters; a passphrase of a few words passes, a dictionary word does not
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


class MentorAccounts(DatabaseStore):
    """Mentor accounts in the review database (their own table)."""

    def add(self, name: str, password: str) -> Mentor:
        """A new account, or a removed one given back with a new password."""
        _check_account(name, password)
        existing = self.get(name)
        if existing is not None and existing.active:
            raise AccountError(f"mentor {name!r} exists; remove it first (khub mentor remove {name}) to reset it")
        with self.database.writing() as connection:
            connection.execute(text("INSERT INTO mentors (name, password_hash, created_at) "
                                    "VALUES (:name, :password_hash, :created_at) "
                                    "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, "
                                    "created_at = excluded.created_at, removed_at = NULL"),
                               {"name": name, "password_hash": _HASHER.hash(password), "created_at": now()})
        added = self.get(name)
        assert added is not None
        return added

    def remove(self, name: str) -> Mentor:
        """Mark an account removed: it cannot sign in; what it did keeps its name."""
        found = self.get(name)
        if found is None or not found.active:
            raise AccountError(f"no active mentor {name!r}; see: khub mentor list")
        with self.database.writing() as connection:
            connection.execute(text("UPDATE mentors SET removed_at = :now WHERE name = :name"),
                               {"now": now(), "name": name})
        removed = self.get(name)
        assert removed is not None
        return removed

    def get(self, name: str) -> Mentor | None:
        with self.database.reading() as connection:
            row = connection.execute(text("SELECT name, created_at, removed_at FROM mentors WHERE name = :name"),
                                     {"name": name}).mappings().first()
        return Mentor(**row) if row else None

    def list(self, include_removed: bool = False) -> list[Mentor]:
        with self.database.reading() as connection:
            rows = connection.execute(text("SELECT name, created_at, removed_at FROM mentors ORDER BY name")).mappings()
            mentors = [Mentor(**row) for row in rows]
        return mentors if include_removed else [mentor for mentor in mentors if mentor.active]

    def verify(self, name: str, password: str) -> bool:
        """True when ``name`` is an active mentor and ``password`` is theirs (constant work either way)."""
        with self.database.reading() as connection:
            stored = connection.execute(text("SELECT password_hash FROM mentors WHERE name = :name "
                                             "AND removed_at IS NULL"), {"name": name or ""}).scalar()
        try:
            _HASHER.verify(stored or _DUMMY_HASH, password or "")
        except (VerificationError, InvalidHashError):
            return False
        return stored is not None

    def bootstrap(self, login: tuple[str, str] | None) -> bool:
        """Create the environment pair's account when there is no account at all; True if this call created it.

        One statement checks and inserts, so app replicas starting together create it once, and none fails.
        """
        if login is None or self.list(include_removed=True):
            return False
        name, password = login
        _check_account(name, password)
        with self.database.writing() as connection:
            return connection.execute(text(
                "INSERT INTO mentors (name, password_hash, created_at) SELECT :name, :password_hash, :created_at "
                "WHERE NOT EXISTS (SELECT 1 FROM mentors) ON CONFLICT (name) DO NOTHING"),
                {"name": name, "password_hash": _HASHER.hash(password), "created_at": now()}).rowcount == 1


def _check_account(name: str, password: str) -> None:
    if not NAME.match(name or ""):
        raise AccountError(f"mentor name {name!r} is not usable: use 1-64 letters, digits, '.', '_', '-' or '@', "
                           "starting with a letter or digit")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password is {len(password)} characters; use at least {MIN_PASSWORD} "
                           "(a few words make a good one)")

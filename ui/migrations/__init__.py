"""The review database's schema, version by version: ``<dialect>/NNNN_name.sql`` files, applied in order.

ui/database.py applies the files a database has not recorded yet, when a store opens it, and records each
in the ``khub_migrations`` table. A change to the schema is a new file per dialect with the next number;
a file already released is never edited.

Hand-written rather than Alembic: the stores are plain SQL over a few tables, with no ORM models to
generate migrations from, and all they need is "run the files not recorded yet, under a lock"; Alembic
would add its own configuration, environment script and templates to say the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

DIALECTS = ("sqlite", "postgresql")
FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
# Files hold DDL only, with no semicolon inside a statement (no triggers, no functions), so a statement
# ends where a line ends with one: SQLite's driver runs one statement per call, and its executescript()
# would commit the migration's transaction half way.
STATEMENT_END = re.compile(r";[ \t]*$", re.M)


@dataclass(frozen=True)
class Migration:
    """One schema change: its number, its name and its SQL statements for one dialect."""

    version: int
    name: str
    statements: tuple[str, ...]


def migrations(dialect: str) -> list[Migration]:
    """Every migration for ``dialect`` (sqlite or postgresql), oldest first."""
    if dialect not in DIALECTS:
        raise ValueError(f"no migrations for {dialect!r}; khub's review database is one of {', '.join(DIALECTS)}")
    found = []
    for file in resources.files(__package__).joinpath(dialect).iterdir():
        named = FILE_NAME.match(file.name)
        if named:
            statements = tuple(part.strip() for part in STATEMENT_END.split(file.read_text(encoding="utf-8")))
            found.append(Migration(int(named[1]), named[2], tuple(part for part in statements if _has_sql(part))))
    return sorted(found, key=lambda migration: migration.version)


def _has_sql(part: str) -> bool:
    """False for what follows the last statement: blank lines and comments."""
    return any(line.strip() and not line.strip().startswith("--") for line in part.splitlines())

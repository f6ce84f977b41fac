"""The review database: a SQLite file (the default) or a PostgreSQL server (KHUB_REVIEW_DB=postgresql://...).

Four stores keep their tables in it: answers, thumbs and verdicts (ui/reviews.py), suggestions, mentor
accounts and learning progress. They run the same SQL on both through SQLAlchemy Core (``text()`` with
named parameters); the schema comes from ui/migrations, brought up to date when a store opens.

One engine per database per process. On PostgreSQL (psycopg 3) it keeps a pool of connections, and app
replicas on several machines share the one database. On SQLite every use opens its own short connection,
as khub always has (nothing stays open on a file a user may move or delete), in WAL mode with a busy
time-out, and a write takes the write lock as it begins (BEGIN IMMEDIATE): concurrent writers wait their
turn instead of failing, and no row is lost.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.pool import NullPool

from khub.errors import KhubError
from khub.settings import DatabaseUrl, review_database
from ui.migrations import Migration, migrations

BUSY_TIMEOUT_SECONDS = 30  # SQLite: how long a writer waits for another's lock before it gives up
CONNECT_TIMEOUT_SECONDS = 10  # PostgreSQL: an unreachable server is reported, not waited for
VERSIONS = "khub_migrations"  # the table recording which migrations a database has had
MIGRATION_LOCK = 0x6B6875625F6462  # PostgreSQL advisory-lock key ("khub_db") held while migrating
WRITES = "khub_writes"  # execution option marking a connection whose transaction writes

DatabaseTarget = Path | DatabaseUrl | str  # a SQLite file, or a PostgreSQL URL (as a string: khub.settings)

_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


class ReviewDatabaseError(KhubError):
    """The review database cannot be opened: no server there, a refused login, a folder that is not writable."""


class Database:
    """One review database; shown (``str``) as its path, or its URL with the password masked."""

    def __init__(self, target: DatabaseTarget):
        self.target = review_database(target) if isinstance(target, str) else target
        if isinstance(self.target, Path):
            self.target.parent.mkdir(parents=True, exist_ok=True)
        self.engine = _engine(_url(self.target))

    def __str__(self) -> str:
        return str(self.target)

    @property
    def dialect(self) -> str:
        """sqlite or postgresql."""
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads; its one transaction sees one state of the database."""
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection in a write transaction, committed when the block ends (rolled back on an error)."""
        with self.engine.connect() as connection:
            connection.execution_options(**{WRITES: True})
            with connection.begin():
                yield connection

    def migrate(self) -> list[int]:
        """Apply the migrations this database has not recorded; return their versions (none: up to date).

        Two processes opening it at once: the second waits for the first's lock (SQLite's write lock,
        PostgreSQL's advisory lock), then finds nothing left to do.
        """
        wanted = migrations(self.dialect)
        try:
            if self._recorded() >= {migration.version for migration in wanted}:
                return []
            with self.writing() as connection:
                return _apply(connection, wanted)
        except (OperationalError, InterfaceError) as error:
            reason = " ".join(str(error.orig or error).split())
            remedy = ("check KHUB_REVIEW_DB, and that the server is running and lets this user in"
                      if self.dialect == "postgresql" else "check that its folder is writable, or set KHUB_REVIEW_DB")
            raise ReviewDatabaseError(f"cannot open the review database {self} ({reason}); {remedy}") from None

    def _recorded(self) -> set[int]:
        with self.reading() as connection:
            if not inspect(connection).has_table(VERSIONS):
                return set()
            return set(connection.execute(text(f"SELECT version FROM {VERSIONS}")).scalars())


class DatabaseStore:
    """A store whose tables are in the review database; opening one brings the database's schema up to date."""

    def __init__(self, target: DatabaseTarget):
        self.database = Database(target)
        self.database.migrate()
        self.path = self.database.target  # what the other stores of this database are opened with


def _apply(connection: Connection, wanted: list[Migration]) -> list[int]:
    """In the caller's write transaction: every migration not recorded yet, each recorded as it is applied."""
    if connection.dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE has already locked the file
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    connection.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {VERSIONS} (version INTEGER PRIMARY KEY, "
                               "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    done = set(connection.execute(text(f"SELECT version FROM {VERSIONS}")).scalars())
    if not done and connection.dialect.name == "sqlite":
        _adopt_unversioned_file(connection)
    applied = []
    for migration in wanted:
        if migration.version in done:
            continue
        for statement in migration.statements:
            connection.exec_driver_sql(statement)
        connection.execute(text(f"INSERT INTO {VERSIONS} (version, name, applied_at) VALUES (:version, :name, :at)"),
                           {"version": migration.version, "name": migration.name, "at": now()})
        applied.append(migration.version)
    return applied


def _adopt_unversioned_file(connection: Connection) -> None:
    """A file made by a khub that kept no versions may have an answers table from before answers recorded
    their client; migration 1 creates (IF NOT EXISTS) and indexes that column, so it is added first, empty
    for the answers held. SQLite has no ADD COLUMN IF NOT EXISTS, hence the look."""
    columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(answers)")}
    if columns and "client" not in columns:
        connection.exec_driver_sql("ALTER TABLE answers ADD COLUMN client TEXT NOT NULL DEFAULT ''")


def now() -> str:
    """The time stored with a row: UTC, ISO 8601, to the second (text on both databases, compared as text)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _url(target: Path | DatabaseUrl) -> URL:
    if isinstance(target, Path):
        return URL.create("sqlite", database=str(target))
    return make_url(target.url).set(drivername="postgresql+psycopg")  # postgresql:// alone means psycopg2


def _engine(url: URL) -> Engine:
    """The process's one engine for ``url``."""
    key = url.render_as_string(hide_password=False)
    with _ENGINES_LOCK:
        if key not in _ENGINES:
            _ENGINES[key] = _sqlite_engine(url) if url.get_backend_name() == "sqlite" else create_engine(
                url, pool_pre_ping=True,  # a replica outlives a restart of the database server
                connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "khub"})
        return _ENGINES[key]


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
    event.listen(engine, "connect", _sqlite_connected)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connected(dbapi_connection: Any, _record: Any) -> None:
    # khub says BEGIN itself (below): the driver's own comes only before a write, too late for a read's
    # snapshot, a migration's DDL, or taking the write lock up front.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA journal_mode = WAL")


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get(WRITES) else "BEGIN")

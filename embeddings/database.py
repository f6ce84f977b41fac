"""The SQLite side of an index: entries, chunks and an FTS5 full-text index ranked by BM25.

One file, ``khub.sqlite``, holds everything that is not a vector: the entries (for filters and
for showing a whole entry), the chunks (whose ``vid`` is their row in the FAISS index) and the
FTS5 table over the chunks' title, section and body (Porter-stemmed, BM25-ranked by SQLite).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.chunk import Chunk
from ingest.entry import Entry
from khub.errors import ConfigError, IndexUnavailableError

FILE_NAME = "khub.sqlite"
# Title matches weigh more: a chunk whose entry is *about* the words beats a passing mention.
BM25_WEIGHTS = (2.0, 1.0, 1.0)
SCHEMA = """
CREATE TABLE entries (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    languages TEXT NOT NULL,
    level TEXT,
    tags TEXT NOT NULL,
    error_message TEXT,
    message_variants TEXT NOT NULL,
    extra TEXT NOT NULL,
    origin TEXT NOT NULL,
    content_hash TEXT NOT NULL
);
CREATE TABLE entry_languages (
    language TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    PRIMARY KEY (language, entry_id)
) WITHOUT ROWID;
CREATE TABLE chunks (
    vid INTEGER PRIMARY KEY,
    chunk_id TEXT NOT NULL UNIQUE,
    entry_id TEXT NOT NULL REFERENCES entries(id),
    ordinal INTEGER NOT NULL,
    section TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tokens INTEGER NOT NULL
);
CREATE INDEX chunks_by_entry ON chunks(entry_id);
CREATE VIRTUAL TABLE chunks_fts USING fts5(
    title, section, body, content='chunks', content_rowid='vid',
    tokenize='porter unicode61 remove_diacritics 2'
);
"""
WORD = re.compile(r"[^\W_]+", re.UNICODE)
STOPWORDS = frozenset(
    "a an and are as at be but by can do does for from how i if in into is it its me my of on or "
    "should so that the their then there these this to was what when where which while who why will "
    "with you your".split()
)


@dataclass(frozen=True)
class Filters:
    """Restrict results by entry kind, language and level (None means any)."""

    kind: str | None = None
    language: str | None = None
    level: str | None = None

    @property
    def active(self) -> bool:
        return any((self.kind, self.language, self.level))


def write_database(path: Path, entries: Sequence[Entry], chunks: Sequence[Chunk]) -> None:
    """Create ``path`` holding the entries, the chunks (vid = position) and the full-text index."""
    connection = sqlite3.connect(path)
    try:
        connection.executescript(SCHEMA)
        connection.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", map(_entry_row, entries))
        connection.executemany(
            "INSERT INTO entry_languages VALUES (?,?)",
            ((language, entry.id) for entry in entries for language in entry.languages),
        )
        connection.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?)",
            ((vid, c.chunk_id, c.entry_id, c.ordinal, c.section, c.title, c.body, c.tokens)
             for vid, c in enumerate(chunks)),
        )
        connection.execute("INSERT INTO chunks_fts(rowid, title, section, body) SELECT vid, title, section, body FROM chunks")
        connection.execute("INSERT INTO chunks_fts(chunks_fts) VALUES ('optimize')")
        connection.commit()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower():
            raise ConfigError("this Python's SQLite lacks the FTS5 extension khub needs for full-text search; "
                              "use a Python built against SQLite >= 3.9 with FTS5 (python.org and distro builds have it)") from exc
        raise
    finally:
        connection.close()


def _entry_row(entry: Entry) -> tuple:
    return (
        entry.id, entry.kind, entry.title, entry.body, json.dumps(entry.languages), entry.level,
        json.dumps(entry.tags), entry.error_message, json.dumps(entry.message_variants),
        json.dumps(entry.extra, default=str, ensure_ascii=False), entry.origin, entry.content_hash,
    )


def entry_from_row(row: Sequence) -> Entry:
    """Rebuild an Entry from a row of the entries table."""
    return Entry(
        id=row[0], kind=row[1], title=row[2], body=row[3], languages=tuple(json.loads(row[4])), level=row[5],
        tags=tuple(json.loads(row[6])), error_message=row[7], message_variants=tuple(json.loads(row[8])),
        extra=json.loads(row[9]), origin=row[10],
    )


def open_database(path: Path) -> sqlite3.Connection:
    """Open an index database read-only; usable from several threads (reads only)."""
    if not path.is_file():
        raise IndexUnavailableError(f"{path} is missing; rebuild the index with: khub ingest --rebuild")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    connection.execute("PRAGMA query_only = 1")
    return connection


def match_expression(query: str) -> str | None:
    """Turn free text into a safe FTS5 query: its words, quoted, any of them (OR)."""
    words = [word.lower() for word in WORD.findall(query)]
    kept = [word for word in words if word not in STOPWORDS] or words
    unique = list(dict.fromkeys(kept))[:64]
    return " OR ".join(f'"{word}"' for word in unique) or None


def bm25_search(connection: sqlite3.Connection, query: str, limit: int, filters: Filters = Filters()) -> list[tuple[int, float]]:
    """Return (vid, score) best first; scores are BM25 made positive (higher is better)."""
    expression = match_expression(query)
    if expression is None:
        return []
    where, parameters = filter_clause(filters)
    weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
    sql = (
        f"SELECT chunks_fts.rowid, -bm25(chunks_fts, {weights}) AS score FROM chunks_fts "
        + ("JOIN chunks c ON c.vid = chunks_fts.rowid JOIN entries e ON e.id = c.entry_id " if filters.active else "")
        + f"WHERE chunks_fts MATCH ? {where} ORDER BY bm25(chunks_fts, {weights}) LIMIT ?"
    )
    return [(int(vid), float(score)) for vid, score in connection.execute(sql, [expression, *parameters, limit])]


def filter_clause(filters: Filters, entry_alias: str = "e") -> tuple[str, list]:
    """SQL conditions (starting with AND) restricting entries to the filters."""
    clauses, parameters = [], []
    if filters.kind:
        clauses.append(f"{entry_alias}.kind = ?")
        parameters.append(filters.kind)
    if filters.level:
        clauses.append(f"{entry_alias}.level = ?")
        parameters.append(filters.level)
    if filters.language:
        clauses.append(f"{entry_alias}.id IN (SELECT entry_id FROM entry_languages WHERE language = ?)")
        parameters.append(filters.language.lower())
    return "".join(f" AND {clause}" for clause in clauses), parameters


def allowed_vids(connection: sqlite3.Connection, filters: Filters) -> list[int]:
    """The vids of all chunks whose entries pass the filters."""
    where, parameters = filter_clause(filters)
    rows = connection.execute(f"SELECT c.vid FROM chunks c JOIN entries e ON e.id = c.entry_id WHERE 1 {where}", parameters)
    return [vid for (vid,) in rows]


def iter_chunk_rows(connection: sqlite3.Connection, vids: Iterable[int]) -> list[tuple]:
    """Rows (vid, chunk_id, entry_id, section, body, kind, title) for the given vids."""
    vids = list(vids)
    if not vids:
        return []
    marks = ",".join("?" * len(vids))
    return connection.execute(
        f"SELECT c.vid, c.chunk_id, c.entry_id, c.section, c.body, e.kind, e.title "
        f"FROM chunks c JOIN entries e ON e.id = c.entry_id WHERE c.vid IN ({marks})",
        vids,
    ).fetchall()

"""The SQLite side of an index: entries, chunks and an FTS5 full-text index ranked by BM25.

One file, ``khub.sqlite``, holds everything that is not a vector: the entries (``pos`` is their
row in the lead-vector index; also used for filters and for showing a whole entry), the chunks
(``vid`` is their row in the chunk-vector index) and an FTS5 table over the entries' title, tags
and body (Porter-stemmed, BM25-ranked by SQLite).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from embeddings import bm25
from embeddings.query import Filters, query_words
from ingest.chunk import Chunk
from ingest.entry import Entry
from ingest.error_messages import ecosystems_of, entry_codes, message_template, stated_messages
from khub.errors import ConfigError, IndexUnavailableError

FILE_NAME = "khub.sqlite"
# Column weights (title, tags, body): title matches weigh more, since an entry *about* the words
# beats a passing mention (measured on the dev questions: bench/retrieval.py).
ENTRY_WEIGHTS = (2.0, 1.0, 1.0)
ENTRY_COLUMNS = ("title", "tags", "body")
TOKENIZER = "porter unicode61 remove_diacritics 2"
MAX_QUERY_WORDS = 64  # words of a query that full-text search matches
SCHEMA = f"""
CREATE TABLE entries (
    pos INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
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
CREATE TABLE error_messages (
    pos INTEGER NOT NULL REFERENCES entries(pos),
    message TEXT NOT NULL,
    template TEXT NOT NULL
);
CREATE TABLE error_entries (
    pos INTEGER PRIMARY KEY REFERENCES entries(pos),
    codes TEXT NOT NULL,
    ecosystems TEXT NOT NULL,
    tags TEXT NOT NULL,
    error_type TEXT,
    curated INTEGER NOT NULL
);
CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, tags, body, content='', tokenize='{TOKENIZER}'
);
"""
def write_database(path: Path, entries: Sequence[Entry], chunks: Sequence[Chunk],
                   reuse: bm25.Reuse | None = None) -> None:
    """Create ``path`` holding the entries, the chunks (vid = position) and the full-text index, and
    the full-text index's term matrix beside it (``reuse``: the live one, whose unchanged rows are copied)."""
    connection = sqlite3.connect(path)
    try:
        connection.executescript(SCHEMA)
        connection.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                               (_entry_row(pos, entry) for pos, entry in enumerate(entries)))
        connection.executemany("INSERT INTO entries_fts(rowid, title, tags, body) VALUES (?,?,?,?)",
                               ((pos, e.title, " ".join(e.tags), e.body) for pos, e in enumerate(entries)))
        connection.executemany(
            "INSERT INTO entry_languages VALUES (?,?)",
            ((language, entry.id) for entry in entries for language in entry.languages),
        )
        connection.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?)",
            ((vid, c.chunk_id, c.entry_id, c.ordinal, c.section, c.title, c.body, c.tokens)
             for vid, c in enumerate(chunks)),
        )
        connection.execute("INSERT INTO entries_fts(entries_fts) VALUES ('optimize')")
        _write_error_keys(connection, entries)
        connection.commit()
        bm25.write_term_matrix(connection, "entries_fts", ENTRY_COLUMNS, ENTRY_WEIGHTS, TOKENIZER, len(entries),
                               path.with_name(bm25.FILE_NAME), reuse)
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower():
            raise ConfigError("this Python's SQLite lacks the FTS5 extension khub needs for full-text search; "
                              "use a Python built against SQLite >= 3.9 with FTS5 "
                              "(python.org and distro builds have it)") from exc
        raise
    finally:
        connection.close()


def _write_error_keys(connection: sqlite3.Connection, entries: Sequence[Entry]) -> None:
    """Key every error entry once, at ingest (see ``error_key``)."""
    for pos, entry in enumerate(entries):
        if not entry.error_message:
            continue
        key = error_key(entry)
        connection.executemany("INSERT INTO error_messages VALUES (?,?,?)",
                               ((pos, message, template) for message, template in key["messages"]))
        connection.execute("INSERT INTO error_entries VALUES (?,?,?,?,?,?)",
                           (pos, json.dumps(key["codes"]), json.dumps(key["ecosystems"]), json.dumps(key["tags"]),
                            key["error_type"], int(key["curated"])))


def error_key(entry: Entry) -> dict:
    """An error entry's keys for diagnosis: the messages it states, each with its template, its codes,
    ecosystems, tags and error type, and whether the hub wrote it (no outside source)."""
    error_type = entry.extra.get("error_type")
    messages = stated_messages(entry.error_message or "", entry.message_variants, error_type, entry.body)
    return {
        "messages": [[message, message_template(message)] for message in messages],
        "codes": sorted(entry_codes(error_type, messages)),
        "ecosystems": sorted(ecosystems_of(entry.languages, entry.tags)),
        "tags": sorted({name.lower() for name in (*entry.languages, *entry.tags)}),
        "error_type": error_type, "curated": not entry.extra.get("source"),
    }


def error_rows(connection: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    """All keyed error messages (pos, message, template) and error entries
    (pos, codes, ecosystems, tags, error_type, curated)."""
    messages = connection.execute("SELECT pos, message, template FROM error_messages ORDER BY rowid").fetchall()
    keyed = [(pos, tuple(json.loads(codes)), tuple(json.loads(ecosystems)), tuple(json.loads(tags)), error_type,
              bool(curated))
             for pos, codes, ecosystems, tags, error_type, curated in connection.execute(
                 "SELECT pos, codes, ecosystems, tags, error_type, curated FROM error_entries ORDER BY pos")]
    return messages, keyed


def entry_ecosystems(connection: sqlite3.Connection) -> dict[int, set[str]]:
    """Every entry's ecosystems (from its languages, else its tags), by pos: an article or snippet
    about git or npm belongs to a paste of theirs as much as an error entry does."""
    return {pos: ecosystems_of(json.loads(languages), json.loads(tags))
            for pos, languages, tags in connection.execute("SELECT pos, languages, tags FROM entries")}


def _entry_row(pos: int, entry: Entry) -> tuple:
    return (pos, *entry_record(entry))


def entry_record(entry: Entry) -> list:
    """An entries row without its pos: everything ``entry_from_row`` needs to rebuild the entry."""
    return [
        entry.id, entry.kind, entry.title, entry.body, json.dumps(entry.languages), entry.level,
        json.dumps(entry.tags), entry.error_message, json.dumps(entry.message_variants),
        json.dumps(entry.extra, default=str, ensure_ascii=False), entry.origin, entry.content_hash,
    ]


def entry_from_row(row: Sequence) -> Entry:
    """Rebuild an Entry from a row of the entries table."""
    return Entry(
        id=row[1], kind=row[2], title=row[3], body=row[4], languages=tuple(json.loads(row[5])), level=row[6],
        tags=tuple(json.loads(row[7])), error_message=row[8], message_variants=tuple(json.loads(row[9])),
        extra=json.loads(row[10]), origin=row[11],
    )


def open_database(path: Path) -> sqlite3.Connection:
    """Open an index database read-only; usable from several threads (reads only)."""
    if not path.is_file():
        raise IndexUnavailableError(f"{path} is missing; rebuild the index with: khub ingest --rebuild")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    connection.execute("PRAGMA query_only = 1")
    return connection


def match_words(query: str) -> list[str]:
    """The words of free text that full-text search matches, in order."""
    return query_words(query)[:MAX_QUERY_WORDS]


def match_expression(query: str) -> str | None:
    """Turn free text into a safe FTS5 query: its words, quoted, any of them (OR)."""
    return " OR ".join(f'"{word}"' for word in match_words(query)) or None


def bm25_entries(connection: sqlite3.Connection, query: str, filters: Filters = Filters()) -> dict[int, float]:
    """BM25 (made positive: higher is better) of every entry holding a query word, by entry pos.

    All matches, not a top few: search needs the exact score of any candidate, and SQLite
    computes the score of every match anyway to sort them.
    """
    expression = match_expression(query)
    if expression is None:
        return {}
    where, parameters = filter_clause(filters)
    join = "JOIN entries e ON e.pos = f.rowid " if filters.active else ""
    rank = f"bm25(entries_fts, {', '.join(map(str, ENTRY_WEIGHTS))})"
    sql = f"SELECT f.rowid, -{rank} FROM entries_fts f {join}WHERE entries_fts MATCH ? {where}"
    return dict(connection.execute(sql, [expression, *parameters]))


def filter_clause(filters: Filters, entry_alias: str = "e") -> tuple[str, list]:
    """SQL conditions (each starting with AND) restricting entries to the filters."""
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


def allowed_rows(connection: sqlite3.Connection, filters: Filters) -> tuple[list[int], list[int]]:
    """The chunk vids and entry positions that pass the filters."""
    where, parameters = filter_clause(filters)
    vids = connection.execute(f"SELECT c.vid FROM chunks c JOIN entries e ON e.id = c.entry_id WHERE 1 {where}",
                              parameters)
    positions = connection.execute(f"SELECT e.pos FROM entries e WHERE 1 {where}", parameters)
    return [vid for (vid,) in vids], [pos for (pos,) in positions]


def chunk_rows(connection: sqlite3.Connection, vids: Iterable[int]) -> list[tuple]:
    """Rows (vid, chunk_id, entry_id, section, body, kind, title) for the given vids."""
    return rows_in(connection, "SELECT c.vid, c.chunk_id, c.entry_id, c.section, c.body, e.kind, e.title "
                                "FROM chunks c JOIN entries e ON e.id = c.entry_id WHERE c.vid IN ({})", vids)


def rows_in(connection: sqlite3.Connection, sql: str, keys: Iterable[int]) -> list[tuple]:
    keys = list(keys)
    if not keys:
        return []
    return connection.execute(sql.format(",".join("?" * len(keys))), keys).fetchall()


def entry_frequencies(connection: sqlite3.Connection, words: Iterable[str],
                      exclude: Collection[int] = ()) -> dict[str, int]:
    """For each word, how many entries hold it (as full-text search matches it: stemmed), leaving out
    the entries at ``exclude``."""
    frequencies = {}
    left_out = ",".join(str(int(pos)) for pos in exclude)
    for word in words:
        sql = ("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?"
               + (f" AND rowid NOT IN ({left_out})" if left_out else ""))
        frequencies[word] = connection.execute(sql, [f'"{word}"']).fetchone()[0]
    return frequencies


def entry_topics(connection: sqlite3.Connection) -> dict[int, tuple[str, set[str]]]:
    """Every entry's title and the names it is filed under (languages and tags, lower-cased), by pos."""
    return {pos: (title, {name.lower() for name in json.loads(languages) + json.loads(tags)})
            for pos, title, languages, tags in connection.execute("SELECT pos, title, languages, tags FROM entries")}

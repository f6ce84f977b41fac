"""BM25 over a term-entry matrix, scored as SQLite FTS5's ``bm25()`` scores the same query.

FTS5 scores every entry that holds any query word, one at a time. An error message's words are
common ones, so on a large archive a pasted error matches most entries (15,500 of 23,000) and its
full-text search takes ~40 ms in SQLite. The term matrix is read from the FTS5 index itself when
the snapshot is written (``fts5vocab``: the same tokens, stems and counts), and a query is split
into tokens by FTS5 too (an in-memory table with the same tokenizer); the scores are then a few
array operations per query word: FTS5's formula, its constants and its order of additions, so the
same numbers (tests/test_bm25.py compares them with SQLite's). A word FTS5 splits into several
tokens is a phrase, which needs token positions: such queries go to SQLite (``scores`` says so).
"""

from __future__ import annotations

import math
import sqlite3
import threading
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from embeddings.manifest import REBUILD
from khub.errors import IndexUnavailableError

FILE_NAME = "bm25.npz"
K1 = 1.2  # FTS5's bm25() constants (sqlite/ext/fts5/fts5_aux.c)
B = 0.75
MIN_IDF = 1e-6  # FTS5's floor for a word held by more than half the entries
TOKENS_CACHED = 100_000  # query words whose tokens are remembered (error messages repeat their words)


@dataclass(frozen=True)
class Reuse:
    """The live snapshot's matrix, whose rows of entries unchanged since are copied, not read again."""

    path: Path  # its bm25.npz
    moved: np.ndarray  # its row -> the entry's row now; -1 for an entry changed or removed since


def write_term_matrix(connection: sqlite3.Connection, table: str, columns: Sequence[str], weights: Sequence[float],
                      tokenizer: str, rows: int, path: Path, reuse: Reuse | None = None) -> None:
    """Save the weighted count of every term in every row of the FTS5 ``table`` (a column's count times its
    weight, as bm25() weighs it), each row's token count, and the table's row count, to ``path``.

    With ``reuse``, the rows of unchanged entries are copied from the live snapshot's matrix (the
    same text gives the same counts) and only the others are read from FTS5: a re-ingest after one
    edit reads one entry's counts rather than sorting every token of the archive."""
    layout = repr((tokenizer, tuple(columns), tuple(float(weight) for weight in weights)))
    old = _copyable(reuse, layout) if reuse is not None else None
    moved = reuse.moved if reuse is not None and old is not None else None  # None: every row read from FTS5
    unread = None
    if moved is not None:
        copied = np.zeros(rows, dtype=bool)
        copied[moved[moved >= 0]] = True
        unread = np.flatnonzero(~copied)
    found = _counts(connection, table, columns, weights, unread)
    terms: list[str] = list(old.terms) if old is not None else []
    number = {term: at for at, term in enumerate(terms)}
    fresh_terms = np.fromiter((number.setdefault(term, len(number)) for term, _, _, _ in found), dtype=np.int64,
                              count=len(found))
    terms.extend(list(number)[len(terms):])
    fresh_docs = np.fromiter((doc for _, doc, _, _ in found), dtype=np.int64, count=len(found))
    fresh_counts = np.fromiter((count for _, _, _, count in found), dtype=np.int64, count=len(found))
    term_ids, docs = fresh_terms, fresh_docs
    frequencies = np.fromiter((weighted for _, _, weighted, _ in found), dtype=np.float64, count=len(found))
    tokens = np.bincount(fresh_docs, weights=fresh_counts, minlength=rows).astype(np.int64)
    if old is not None and moved is not None:
        kept = moved[old.docs] >= 0
        term_ids = np.concatenate([old.term_ids[kept], fresh_terms])
        docs = np.concatenate([moved[old.docs[kept]], fresh_docs])
        frequencies = np.concatenate([old.frequencies[kept], frequencies])
        tokens[moved[moved >= 0]] += old.tokens[moved >= 0]
    order = np.lexsort((docs, term_ids))
    term_ids, docs, frequencies = term_ids[order], docs[order], frequencies[order]
    per_term = np.bincount(term_ids, minlength=len(terms))
    held = np.flatnonzero(per_term)  # a term no entry holds any more is left out
    np.savez(path, layout=np.array(layout),
             terms=np.frombuffer("\n".join(terms[at] for at in held.tolist()).encode("utf-8"), dtype=np.uint8),
             starts=np.concatenate([[0], np.cumsum(per_term[held])]).astype(np.int64),
             docs=docs.astype(np.int32), frequencies=frequencies, tokens=tokens, rows=np.array(rows, dtype=np.int64))


def _counts(connection: sqlite3.Connection, table: str, columns: Sequence[str], weights: Sequence[float],
            rows: np.ndarray | None) -> list[tuple[str, int, float, int]]:
    """(term, row, weighted count, count) of every term in the given rows of the FTS5 table (None: all)."""
    weight_of = " ".join(f"WHEN '{column}' THEN {float(weight)!r}" for column, weight in zip(columns, weights))
    if rows is not None and not len(rows):
        return []
    connection.execute(f"CREATE VIRTUAL TABLE temp.khub_instances USING fts5vocab(main, '{table}', 'instance')")
    try:
        where = ""
        if rows is not None:
            connection.execute("CREATE TEMP TABLE khub_rows (row INTEGER PRIMARY KEY)")
            connection.executemany("INSERT INTO temp.khub_rows VALUES (?)", ((row,) for row in rows.tolist()))
            where = "WHERE doc IN (SELECT row FROM temp.khub_rows) "
        return connection.execute(
            f"SELECT term, doc, sum(CASE col {weight_of} ELSE 1.0 END), count(*) FROM temp.khub_instances "
            f"{where}GROUP BY term, doc").fetchall()
    finally:
        connection.execute("DROP TABLE temp.khub_instances")
        connection.execute("DROP TABLE IF EXISTS temp.khub_rows")


@dataclass(frozen=True)
class _Saved:
    terms: list[str]
    term_ids: np.ndarray  # per stored count: its term
    docs: np.ndarray
    frequencies: np.ndarray
    tokens: np.ndarray


def _copyable(reuse: Reuse, layout: str) -> _Saved | None:
    """The live matrix, when it was made the same way (else None: every row is read again)."""
    try:
        with np.load(reuse.path, allow_pickle=False) as saved:
            if "layout" not in saved.files or str(saved["layout"]) != layout or int(saved["rows"]) != len(reuse.moved):
                return None
            text = saved["terms"].tobytes().decode("utf-8")
            terms = text.split("\n") if text else []
            starts = saved["starts"]
            return _Saved(terms, np.repeat(np.arange(len(terms)), np.diff(starts)), saved["docs"].astype(np.int64),
                          saved["frequencies"], saved["tokens"])
    except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile):
        return None  # a missing or damaged live matrix: read every row


class TermMatrix:
    """One snapshot's terms and their weighted counts per entry; ``scores`` is FTS5's BM25 for a query."""

    def __init__(self, terms: list[str], starts: np.ndarray, docs: np.ndarray, frequencies: np.ndarray,
                 tokens: np.ndarray, rows: int, tokenizer: str):
        self._column = {term: index for index, term in enumerate(terms)}
        self._starts = starts
        self._docs = docs
        self._frequencies = frequencies
        self._rows = rows
        average = float(tokens.sum()) / float(rows) if rows else 1.0
        # The part of the denominator that depends only on the entry: k1 * (1 - b + b * D / avgdl).
        self._length_norm = K1 * ((1 - B) + B * tokens.astype(np.float64) / average)
        self._tokens = QueryTokens(tokenizer)

    @classmethod
    def load(cls, path: Path, tokenizer: str) -> TermMatrix | None:
        """The matrix saved at ``path``, or None when the snapshot has none (one written by an older khub);
        IndexUnavailableError, with the rebuild command, when the file is damaged."""
        try:
            with np.load(path, allow_pickle=False) as saved:
                text = saved["terms"].tobytes().decode("utf-8")
                return cls(text.split("\n") if text else [], saved["starts"], saved["docs"], saved["frequencies"],
                           saved["tokens"], int(saved["rows"]), tokenizer)
        except FileNotFoundError:
            return None
        except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise IndexUnavailableError(f"{path} cannot be read ({exc}); {REBUILD}") from exc

    def scores(self, words: Sequence[str]) -> dict[int, float] | None:
        """BM25 (positive: higher is better) of every entry holding any of ``words``, by row, in row
        order, as ``-bm25()`` of the FTS5 query ``"w1" OR "w2" ...``; None when a word is a phrase to
        FTS5 (several tokens), which only SQLite can match."""
        tokens = self._tokens.of(words)
        if any(len(found) > 1 for found in tokens):
            return None
        score = np.zeros(self._rows)
        hit = np.zeros(self._rows, dtype=bool)
        for found in tokens:  # one phrase per word, added in the query's order as FTS5 adds them
            column = self._column.get(found[0]) if found else None
            if column is None:
                continue  # no entry holds it: it adds nothing to any score
            start, end = int(self._starts[column]), int(self._starts[column + 1])
            docs, frequency = self._docs[start:end], self._frequencies[start:end]
            idf = math.log((self._rows - (end - start) + 0.5) / ((end - start) + 0.5))
            idf = idf if idf > 0.0 else MIN_IDF
            score[docs] += idf * ((frequency * (K1 + 1.0)) / (frequency + self._length_norm[docs]))
            hit[docs] = True
        rows = np.flatnonzero(hit)
        return dict(zip(rows.tolist(), score[rows].tolist()))


class QueryTokens:
    """Splits query words into tokens exactly as an FTS5 tokenizer does (porter stems included), by
    asking FTS5: an in-memory table with that tokenizer, shared by threads under a lock."""

    def __init__(self, tokenizer: str):
        self._connection = sqlite3.connect(":memory:", check_same_thread=False)
        self._connection.execute(f"CREATE VIRTUAL TABLE words USING fts5(word, tokenize={tokenizer!r})")
        self._connection.execute("CREATE VIRTUAL TABLE tokens USING fts5vocab(words, 'instance')")
        self._lock = threading.Lock()
        self._known: dict[str, tuple[str, ...]] = {}

    def of(self, words: Sequence[str]) -> list[tuple[str, ...]]:
        """Each word's tokens, in order ((): the tokenizer keeps nothing of it)."""
        known = self._known
        found = {word: known[word] for word in words if word in known}
        missing = [word for word in dict.fromkeys(words) if word not in found]
        if missing:
            tokens: dict[int, list[str]] = {}
            with self._lock, self._connection:
                self._connection.executemany("INSERT INTO words(rowid, word) VALUES (?, ?)", enumerate(missing))
                for row, term in self._connection.execute("SELECT doc, term FROM tokens ORDER BY doc, offset"):
                    tokens.setdefault(row, []).append(term)
                self._connection.execute("DELETE FROM words")
            new = {word: tuple(tokens.get(row, ())) for row, word in enumerate(missing)}
            found.update(new)
            if len(known) > TOKENS_CACHED:
                self._known = {}
            self._known.update(new)
        return [found[word] for word in words]

"""BM25 from the term matrix gives SQLite FTS5's numbers, in FTS5's order; a re-ingest copies the rows it can."""

from __future__ import annotations

import shutil
import sqlite3

import numpy as np
import pytest

from embeddings import bm25, database
from embeddings.index import open_index, open_snapshot
from embeddings.pipeline import run_ingest
from embeddings.query import Filters
from embeddings.store import IndexStore


@pytest.fixture(scope="module")
def index(bundled_settings):
    index = open_index(bundled_settings.index_dir)
    yield index
    index.close()


def _queries(index) -> list[str]:
    """The archive's own titles and error messages, and text no entry holds."""
    titles = [index.entry(entry_id).title for entry_id in index.entry_ids]
    messages = [message for _, message, _ in index.error_rows()[0]]
    return [*titles, *messages, "Why does my Résumé naïve café crash?", "the of and", "zzqx unheard-of words",
            "TypeError: Cannot read properties of undefined (reading 'map') at App.jsx:12",
            "errors error erroring ERRORS", "ошибка 42 E0382 SQLSTATE 23503"]


def test_the_matrix_scores_every_query_as_fts5_does(index):
    assert index._terms is not None, "a snapshot written now holds its term matrix"
    queries = _queries(index)
    assert len(queries) > 50
    for query in queries:
        expected = database.bm25_entries(index._db, query)
        found = index.bm25_entries(query)
        assert list(found.items()) == list(expected.items()), query  # same entries, scores and order


@pytest.mark.parametrize("filters", [Filters(kind="error"), Filters(language="python"), Filters(level="senior")])
def test_filtered_scores_are_fts5s_too(index, filters):
    for query in _queries(index)[::4]:
        expected = database.bm25_entries(index._db, query, filters)
        assert list(index.bm25_entries(query, filters).items()) == list(expected.items()), query


def test_a_word_fts5_reads_as_a_phrase_is_left_to_sqlite(index):
    # A phrase needs token positions, which the matrix does not keep: it says so, and SQLite answers.
    assert index._terms.scores(["foo-bar"]) is None
    assert index._terms.scores(["foo", "bar"]) is not None


def test_query_words_are_split_and_stemmed_as_fts5_does():
    tokens = bm25.QueryTokens(database.TOKENIZER)
    assert tokens.of(["Running", "naïve", "foo-bar", "---"]) == [("run",), ("naiv",), ("foo", "bar"), ()]
    assert tokens.of(["running"]) == [("run",)]  # remembered, or asked again: the same


def test_a_snapshot_without_a_matrix_is_searched_by_sqlite(index, tmp_path):
    # A snapshot written by an older khub has no bm25.npz: full-text search answers as before.
    copy = tmp_path / "snapshot"
    shutil.copytree(IndexStore(index.folder.parent.parent).current(), copy)
    (copy / bm25.FILE_NAME).unlink()
    older = open_snapshot(copy)
    try:
        assert older._terms is None
        for query in _queries(index)[::9]:
            assert older.bm25_entries(query) == index.bm25_entries(query)
    finally:
        older.close()


def _matrix(path) -> tuple[dict[str, dict[int, float]], list[int], int]:
    """A saved matrix as term -> {row: weighted count}, with every row's token count and the row count."""
    with np.load(path, allow_pickle=False) as saved:
        text = saved["terms"].tobytes().decode("utf-8")
        terms, starts = (text.split("\n") if text else []), saved["starts"]
        docs, frequencies = saved["docs"].tolist(), saved["frequencies"].tolist()
        counts = {term: dict(zip(docs[starts[at]:starts[at + 1]], frequencies[starts[at]:starts[at + 1]]))
                  for at, term in enumerate(terms)}
        return counts, saved["tokens"].tolist(), int(saved["rows"])


def test_a_re_ingest_copies_unchanged_rows_and_gives_the_matrix_a_full_read_gives(archive, settings, tmp_path,
                                                                                   monkeypatch):
    run_ingest([archive], settings)
    read = []  # the rows each matrix write reads from FTS5 (None: all of them)
    counts = bm25._counts
    monkeypatch.setattr(bm25, "_counts", lambda *args: read.append(args[-1]) or counts(*args))
    (archive / "qa" / "jwt-storage.md").write_text(
        (archive / "qa" / "jwt-storage.md").read_text().replace("httpOnly", "httpOnly (never readable by scripts)"))
    (archive / "qa" / "pools.md").write_text("---\nid: qa/pools\nkind: qa\ntitle: Sizing connection pools\n---\n"
                                             "Keep pools small; measure the wait.\n")
    (archive / "error" / "fk-violation.md").unlink()
    report = run_ingest([archive], settings).report
    assert report.added and report.changed and report.removed and report.unchanged
    assert len(read[0]) == len(report.added) + len(report.changed)  # only the new and the changed entries
    live = IndexStore(settings.index_dir).current()
    connection = sqlite3.connect(live / database.FILE_NAME)
    try:
        rows = connection.execute("SELECT count(*) FROM entries").fetchone()[0]
        bm25.write_term_matrix(connection, "entries_fts", database.ENTRY_COLUMNS, database.ENTRY_WEIGHTS,
                               database.TOKENIZER, rows, tmp_path / "full.npz")
    finally:
        connection.close()
    assert _matrix(live / bm25.FILE_NAME) == _matrix(tmp_path / "full.npz")  # copied rows and read rows agree
    index = open_index(settings.index_dir)
    try:
        for query in ["access token cookie scripts", "connection pools wait", "foreign key child row"]:
            assert list(index.bm25_entries(query).items()) == list(database.bm25_entries(index._db, query).items())
    finally:
        index.close()

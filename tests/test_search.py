"""Hybrid search on a tiny real archive: exact expected ids, filters, passages."""

import pytest

from assistant.fuse import reciprocal_rank_fusion
from assistant.search import open_searcher
from embeddings.database import match_expression
from embeddings.pipeline import run_ingest
from embeddings.query import Filters


@pytest.fixture
def searcher(archive, settings):
    run_ingest([archive], settings)
    searcher = open_searcher(settings)
    yield searcher
    searcher.index.close()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("where do I store the access token in my SPA so XSS cannot steal it", "qa/jwt-storage"),
        ("ERROR 1452 (23000): Cannot add or update a child row", "error/fk-violation"),
        ("wait until the user stops typing before calling the search API", "snippet/debounce"),
        ("threads don't make my number crunching faster in python", "qa/python-gil"),
        ("partition tolerance: choose consistency or availability", "article/cap-theorem"),
        ("ModuleNotFoundError: No module named 'requests'", "error/module-not-found"),
    ],
)
def test_the_right_entry_comes_first(searcher, query, expected):
    hits = searcher.search(query, top_k=3)
    assert hits[0].passage.entry_id == expected


def test_hits_are_one_per_entry_with_a_passage_from_that_entry(searcher):
    hits = searcher.search("python error module threads", top_k=10)
    assert len(hits) == len({hit.passage.entry_id for hit in hits}) == 6
    for hit in hits:
        found = hit.passage
        assert found.chunk_id.startswith(found.entry_id + "#") and found.text and found.title
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_the_passage_is_the_section_that_matches(searcher):
    hit = searcher.search("insert the parent row first inside one transaction", top_k=1)[0]
    assert (hit.passage.entry_id, hit.passage.section) == ("error/fk-violation", "Fix")


@pytest.mark.parametrize(
    "filters, allowed",
    [
        (Filters(kind="error"), {"error/fk-violation", "error/module-not-found"}),
        (Filters(language="python"), {"qa/python-gil", "error/module-not-found"}),
        (Filters(level="junior"), {"error/fk-violation", "snippet/debounce", "error/module-not-found"}),
        (Filters(kind="error", language="PYTHON"), {"error/module-not-found"}),
        (Filters(kind="path"), set()),
    ],
)
def test_filters_restrict_every_retriever(searcher, filters, allowed):
    hits = searcher.search("token python error debounce", top_k=10, filters=filters)
    assert {hit.passage.entry_id for hit in hits} == allowed


def test_empty_and_wordless_queries(searcher):
    assert searcher.search("   ") == []
    assert searcher.search("?!", top_k=2)  # no words for BM25, dense search still answers


def test_match_expression_quotes_words_and_drops_stopwords():
    assert match_expression('how do I fix "ERROR 1452" in my_table?') == '"fix" OR "error" OR "1452" OR "table"'
    assert match_expression("the of and") == '"the" OR "of" OR "and"'
    assert match_expression("!!!") is None


def test_reciprocal_rank_fusion_rewards_agreement():
    scores = reciprocal_rank_fusion({"a": ["x", "y", "z"], "b": ["y", "z"]}, {"a": 1.0, "b": 0.5}, k=10)
    assert sorted(scores, key=lambda item: -scores[item]) == ["y", "z", "x"]
    assert scores["x"] == pytest.approx(1 / 11)


def test_large_indexes_use_an_hnsw_graph_with_the_same_answers(archive, settings, monkeypatch):
    import embeddings.vectors as vectors

    monkeypatch.setattr(vectors, "HNSW_FROM", 5)  # the tiny archive has more chunks than that
    run_ingest([archive], settings)
    searcher = open_searcher(settings)
    assert searcher.index.manifest.vector_index.startswith("IndexHNSWFlat")
    assert (searcher.search("ERROR 1452 (23000): Cannot add or update a child row", top_k=1)[0].passage.entry_id
            == "error/fk-violation")
    hits = searcher.search("python error module threads", top_k=10, filters=Filters(language="python"))
    assert {hit.passage.entry_id for hit in hits} == {"qa/python-gil", "error/module-not-found"}
    searcher.index.close()

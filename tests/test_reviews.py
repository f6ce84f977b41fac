"""The review store: answers, thumbs and verdicts survive restarts and concurrent writers."""

import multiprocessing
import threading

import pandas as pd
import postgres_server
import pytest

from assistant.answer import Answer
from assistant.cite import Citation, SentenceCheck
from embeddings.storage import Passage
from ui.reviews import ReviewError, ReviewStore

# Each test runs on a SQLite file and on a fresh PostgreSQL database (skipped without one: tests/postgres_server.py).
review_database = pytest.fixture(params=postgres_server.BACKENDS)(postgres_server.review_database)


def answer(question: str = "where do I keep a JWT?") -> Answer:
    passage = Passage(entry_id="qa/jwt-storage", chunk_id="qa/jwt-storage#0", title="JWT storage", section="Answer",
                      text="Keep it in an httpOnly cookie.", kind="qa")
    citation = Citation(n=1, passage=passage)
    return Answer(question=question, query=question, text="Keep it in an httpOnly cookie [1].", mode="extractive",
                  refused=False, citations=(citation,),
                  sentences=(SentenceCheck("Keep it in an httpOnly cookie [1].", (1,), True, 1.0, 0.0),))


def test_answers_feedback_and_reviews_survive_a_restart(review_database):
    store = ReviewStore(review_database)
    first = store.record_answer(answer(), session="s1")
    store.add_feedback(first, helpful=False, note="too short")
    store.review(first, "needs_fix", "cite the OWASP cheat sheet too", reviewer="ana")
    reopened = ReviewStore(review_database)
    saved = reopened.get(first)
    assert saved["question"] == "where do I keep a JWT?" and saved["citations"][0]["entry_id"] == "qa/jwt-storage"
    assert saved["sentences"] == [{"text": "Keep it in an httpOnly cookie [1].", "cites": [1], "supported": True}]
    assert saved["feedback"][0]["helpful"] == 0 and saved["reviews"][0]["verdict"] == "needs_fix"
    assert reopened.queue() == [] and reopened.queue(include_reviewed=True)[0]["verdict"] == "needs_fix"


def test_the_queue_lists_unreviewed_answers_newest_first_with_thumbs(review_database):
    store = ReviewStore(review_database)
    ids = [store.record_answer(answer(f"question {n}")) for n in range(3)]
    store.add_feedback(ids[1], helpful=True)
    store.review(ids[0], "correct")
    queue = store.queue()
    assert [row["id"] for row in queue] == [ids[2], ids[1]] and queue[1]["thumbs_up"] == 1


def test_bad_verdicts_and_unknown_answers_are_refused(review_database):
    store = ReviewStore(review_database)
    with pytest.raises(ReviewError, match="unknown verdict 'great'; use one of correct, incorrect, needs_fix"):
        store.review(store.record_answer(answer()), "great")
    with pytest.raises(ReviewError, match="no answer #99"):
        store.add_feedback(99, helpful=True)


def test_export_to_csv(review_database, tmp_path):
    store = ReviewStore(review_database)
    store.review(store.record_answer(answer()), "correct", "good")
    frame = pd.read_csv(store.export_csv(tmp_path / "reviews.csv"))
    assert frame.loc[0, "verdict"] == "correct" and frame.loc[0, "cited_entries"] == "qa/jwt-storage"
    assert frame.loc[0, "review_note"] == "good"


def _write_many(path: str, count: int) -> None:
    store = ReviewStore(path)
    for n in range(count):
        store.add_feedback(store.record_answer(answer(f"q{n}")), helpful=n % 2 == 0)


def test_concurrent_writers_lose_no_rows(review_database):
    path = review_database
    ReviewStore(path)
    threads = [threading.Thread(target=_write_many, args=(path, 40)) for _ in range(4)]
    processes = [multiprocessing.get_context("spawn").Process(target=_write_many, args=(path, 40))
                 for _ in range(3)]
    for worker in [*threads, *processes]:
        worker.start()
    for worker in [*threads, *processes]:
        worker.join(timeout=120)
    rows = ReviewStore(path).queue(include_reviewed=True, limit=10_000)
    assert len(rows) == 7 * 40
    assert sum(row["thumbs_up"] + row["thumbs_down"] for row in rows) == 7 * 40


def test_the_queue_filters_thumbs_down_unreviewed_and_verdict(review_database):
    store = ReviewStore(review_database)
    disliked, liked, wrong, fixable = (store.record_answer(answer(f"question {n}")) for n in range(4))
    store.add_feedback(disliked, helpful=False)
    store.add_feedback(liked, helpful=True)
    store.add_feedback(wrong, helpful=False)
    store.review(wrong, "incorrect", "wrong entry")
    store.review(fixable, "correct")
    store.review(fixable, "needs_fix", "the latest verdict counts")

    def ids(**filters):
        return [row["id"] for row in store.queue(**filters)]

    assert ids() == [liked, disliked]
    assert ids(thumbs_down=True) == [disliked]
    assert ids(include_reviewed=True, thumbs_down=True) == [wrong, disliked]
    assert ids(include_reviewed=True, verdict="needs_fix") == [fixable]
    assert ids(include_reviewed=True, verdict="incorrect", thumbs_down=True) == [wrong]
    assert ids(include_reviewed=True, verdict="correct") == []
    assert ids(verdict="incorrect") == []  # a verdict means reviewed: nothing is both
    with pytest.raises(ReviewError, match="unknown verdict 'wrong'"):
        store.queue(include_reviewed=True, verdict="wrong")


def test_a_question_asked_again_finds_the_latest_verdict_on_its_earlier_answers(review_database):
    store = ReviewStore(review_database)
    first = store.record_answer(answer("Where do I keep a JWT?"))
    assert store.earlier_verdict("where do I keep a JWT?") is None  # asked, never reviewed
    store.review(first, "incorrect", "it cites the wrong entry", reviewer="ana")
    found = store.earlier_verdict("  where, do i keep a   jwt ")
    assert found is not None and (found["answer_id"], found["verdict"], found["note"], found["reviewer"]) == (
        first, "incorrect", "it cites the wrong entry", "ana")
    assert store.earlier_verdict("where do I keep a JWT token?") is None  # another question
    assert store.earlier_verdict("?!") is None
    second = store.record_answer(answer("WHERE DO I KEEP A JWT"))
    store.review(second, "correct", "fixed by the new entry")
    assert store.earlier_verdict("Where do I keep a JWT?")["verdict"] == "correct"  # the latest verdict wins

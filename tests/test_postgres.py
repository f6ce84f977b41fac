"""The review database on PostgreSQL (KHUB_REVIEW_DB=postgresql://...): the stores, the migrations, the
command line, and two ``khub serve`` replicas sharing one database.

The PostgreSQL tests need a real server: its URL comes from KHUB_TEST_POSTGRES_URL and each test gets a
fresh database (tests/postgres_server.py); without one they skip. The tests parametrized over both
backends also run on a SQLite file, as do those about settings, errors and files from older khub.
"""

from __future__ import annotations

import contextlib
import csv
import json
import multiprocessing
import sqlite3
import threading
from pathlib import Path

import postgres_server
import pytest
import test_web
from khub_cli import khub_cli
from sqlalchemy import text
from test_reviews import answer
from test_web import ARTIFACTS, REVIEWER, field, free_port, khub_serving

from khub.errors import ConfigError
from khub.settings import DatabaseUrl, Settings
from ui.accounts import MentorAccounts
from ui.database import Database, ReviewDatabaseError
from ui.learn_progress import LearnProgress
from ui.migrations import migrations
from ui.progress_store import ProgressStore
from ui.reviews import ReviewStore
from ui.suggestions import SuggestionStore

review_database = pytest.fixture(params=postgres_server.BACKENDS)(postgres_server.review_database)
browser = test_web.browser  # Chromium, for the replicas' review desks
PASSWORD = "correct-horse-battery-staple"
SECRET = "Sup3r-secret-pw"  # a database password that must never be shown
QUESTION = "What is a recursive CTE for a category tree?"
NOTE = "add the cycle guard"


def versions(database: Database) -> list[int]:
    with database.reading() as connection:
        return list(connection.execute(text("SELECT version FROM khub_migrations ORDER BY version")).scalars())


# --- settings and errors: no server needed ----------------------------------------------------------


@pytest.mark.parametrize(("value", "problem"), [
    (f"mysql://ana:{SECRET}@db/khub", "mysql:// is not a database khub can use; give a file path (SQLite) or a "
                                      "PostgreSQL URL, postgresql://USER:PASSWORD@HOST:5432/DATABASE"),
    (f"postgresql://ana:{SECRET}@db:port/khub", "the URL cannot be read"),
    (f"postgresql://ana:{SECRET}@db:5432/", "the URL names no database; end it with /DATABASE"),
])
def test_a_bad_database_url_is_one_line_saying_what_to_do_with_the_password_masked(value, problem):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"KHUB_REVIEW_DB": value})
    message = str(caught.value)
    assert message.startswith(f"KHUB_REVIEW_DB='{value.replace(SECRET, '***')}' is not usable: {problem}")
    assert SECRET not in message and "\n" not in message


def test_a_database_url_is_read_as_one_and_shown_without_its_password():
    for scheme in ("postgresql", "postgresql+psycopg"):
        settings = Settings.from_env({"KHUB_REVIEW_DB": f"{scheme}://ana:{SECRET}@db.internal:5432/khub"})
        assert settings.review_db == DatabaseUrl(f"{scheme}://ana:{SECRET}@db.internal:5432/khub")
        assert str(settings.review_db) == f"{scheme}://ana:***@db.internal:5432/khub"
        assert SECRET not in repr(settings) and SECRET not in str(settings)
    socket_url = Settings.from_env({"KHUB_REVIEW_DB": f"postgresql://ana@/khub?host=/run/pg&password={SECRET}"})
    assert str(socket_url.review_db) == "postgresql://ana@/khub?host=/run/pg&password=***"
    assert Settings.from_env({"KHUB_REVIEW_DB": "~/reviews.sqlite"}).review_db == Path.home() / "reviews.sqlite"


def test_an_unreachable_server_is_reported_in_one_line_without_the_password(tmp_path):
    url = f"postgresql://khub:{SECRET}@127.0.0.1:{free_port()}/khub"  # nothing listens there
    with pytest.raises(ReviewDatabaseError) as caught:
        ReviewStore(url)
    assert str(caught.value).startswith("cannot open the review database postgresql://khub:***@127.0.0.1:")
    assert "check KHUB_REVIEW_DB, and that the server is running" in str(caught.value)
    assert SECRET not in str(caught.value)
    listed = khub_cli(Settings(index_dir=tmp_path / "index"))("mentor", "list", KHUB_REVIEW_DB=url)
    assert listed.exit_code == 1 and "cannot open the review database" in listed.output
    assert SECRET not in listed.output and "Traceback" not in listed.output


# --- migrations ------------------------------------------------------------------------------------


def test_migrations_apply_once_and_opening_again_changes_nothing(review_database):
    database = Database(review_database)
    wanted = [migration.version for migration in migrations(database.dialect)]
    assert database.migrate() == wanted and versions(database) == wanted
    assert database.migrate() == [] and Database(review_database).migrate() == []
    ReviewStore(review_database).record_answer(answer("kept?"))
    assert versions(database) == wanted and ReviewStore(review_database).queue()[0]["question"] == "kept?"


def _open_when_all_are_ready(target: str, ready) -> None:
    ready.wait(timeout=120)
    ReviewStore(target)
    MentorAccounts(target).bootstrap(("mentor", PASSWORD))  # replicas starting together make it once


def test_processes_opening_a_new_database_at_once_migrate_it_once_and_none_fails(review_database):
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(3)
    processes = [context.Process(target=_open_when_all_are_ready, args=(review_database, ready)) for _ in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=180)
    assert [process.exitcode for process in processes] == [0, 0, 0]
    database = Database(review_database)
    assert versions(database) == [migration.version for migration in migrations(database.dialect)]
    assert [mentor.name for mentor in MentorAccounts(review_database).list()] == ["mentor"]


def test_a_file_from_a_khub_that_kept_no_versions_keeps_every_row(tmp_path):
    path = tmp_path / "reviews.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:  # before answers had a client
        connection.execute("CREATE TABLE answers (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, session TEXT "
                           "NOT NULL DEFAULT '', question TEXT NOT NULL, query TEXT NOT NULL, answer TEXT NOT NULL, "
                           "mode TEXT NOT NULL, refused INTEGER NOT NULL, faithfulness REAL NOT NULL, citations TEXT "
                           "NOT NULL, sentences TEXT NOT NULL)")
        connection.execute("INSERT INTO answers VALUES (7, '2000-01-01T09:00:00+00:00', 'api', 'an old question', "
                           "'an old question', 'an old answer', 'extractive', 0, 1.0, '[]', '[]')")
        connection.execute("CREATE TABLE mentors (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, "
                           "created_at TEXT NOT NULL, removed_at TEXT)")
        connection.execute("INSERT INTO mentors VALUES ('ana', 'hash', '2000-01-01T09:00:00+00:00', NULL)")
    store = ReviewStore(path)
    old = store.get(7)
    assert (old["question"], old["answer"], old["client"]) == ("an old question", "an old answer", "")
    assert [mentor.name for mentor in MentorAccounts(path).list()] == ["ana"]
    store.review(store.record_answer(answer("a new question"), client="10.0.0.9"), "correct")
    assert store.answers_today("10.0.0.9") == 1 and len(store.queue(include_reviewed=True)) == 2
    assert versions(store.database) == [migration.version for migration in migrations("sqlite")]


# --- the stores ------------------------------------------------------------------------------------


def test_all_four_stores_share_one_postgresql_database_and_read_back_what_was_written(tmp_path):
    with postgres_server.fresh_database() as url:
        reviews = ReviewStore(url)
        asked = reviews.record_answer(answer(QUESTION), session="s", client="10.0.0.1")
        reviews.add_feedback(asked, helpful=False, note="too short")
        reviews.review(asked, "needs_fix", NOTE, reviewer="ana")
        MentorAccounts(url).add("ana", PASSWORD)
        suggestion = SuggestionStore(url).add("qa/x", "a better body", reason="clearer", base_body="the old body")
        ProgressStore(url).merge("ana", LearnProgress(frozenset({("path/php", 1), ("path/sql", 2)})))

        saved = ReviewStore(reviews.path).get(asked)  # opened again, as another replica would
        assert (saved["question"], saved["client"], saved["faithfulness"]) == (QUESTION, "10.0.0.1", 1.0)
        assert saved["feedback"][0]["note"] == "too short" and saved["reviews"][0]["verdict"] == "needs_fix"
        assert ReviewStore(url).earlier_verdict(QUESTION.upper())["note"] == NOTE
        assert MentorAccounts(url).verify("ana", PASSWORD) and not MentorAccounts(url).verify("ana", SECRET)
        assert SuggestionStore(url).get(suggestion.id) == suggestion
        assert ProgressStore(url).progress("ana").stored() == [["path/php", 1], ["path/sql", 2]]
        assert not (tmp_path / "reviews.sqlite").exists()


def _write_everywhere(target: str, writer: int, count: int) -> None:
    reviews, suggestions, progress = ReviewStore(target), SuggestionStore(target), ProgressStore(target)
    for n in range(count):
        reviews.add_feedback(reviews.record_answer(answer(f"q{writer}-{n}")), helpful=n % 2 == 0)
        suggestions.add(f"qa/{writer}-{n}", "new text", base_body="old text")
        progress.merge(f"learner{writer}", LearnProgress(frozenset({("path/php", n), ("path/sql", n)})))


def test_concurrent_writers_in_threads_and_processes_lose_no_rows(review_database):
    ReviewStore(review_database)
    threads = [threading.Thread(target=_write_everywhere, args=(review_database, n, 15)) for n in range(4)]
    processes = [multiprocessing.get_context("spawn").Process(target=_write_everywhere, args=(review_database, n, 15))
                 for n in range(4, 6)]
    for worker in [*threads, *processes]:
        worker.start()
    for worker in [*threads, *processes]:
        worker.join(timeout=180)
    assert [process.exitcode for process in processes] == [0, 0]
    rows = ReviewStore(review_database).queue(include_reviewed=True, limit=10_000)
    assert len(rows) == 6 * 15 and sum(row["thumbs_up"] + row["thumbs_down"] for row in rows) == 6 * 15
    assert len(SuggestionStore(review_database).listing(limit=10_000)) == 6 * 15
    assert all(len(ProgressStore(review_database).progress(f"learner{n}").done) == 2 * 15 for n in range(6))


# --- the command line ------------------------------------------------------------------------------


def test_khub_mentor_and_review_export_work_on_postgresql(tmp_path):
    with postgres_server.fresh_database() as url:
        khub = khub_cli(Settings(index_dir=tmp_path / "index"))
        added = khub("mentor", "add", "ana", "--password-stdin", input=PASSWORD + "\n", KHUB_REVIEW_DB=url)
        assert added.exit_code == 0 and "ana can now sign in" in added.output
        assert khub("mentor", "add", "bo", "--password-stdin", input=PASSWORD + "\n", KHUB_REVIEW_DB=url).exit_code == 0
        assert khub("mentor", "remove", "bo", KHUB_REVIEW_DB=url).exit_code == 0
        listed = json.loads(khub("mentor", "list", "--all", "--json", KHUB_REVIEW_DB=url).output)
        assert [(m["name"], m["removed_at"] is None) for m in listed["mentors"]] == [("ana", True), ("bo", False)]
        assert MentorAccounts(url).verify("ana", PASSWORD)  # the account is in PostgreSQL

        store = ReviewStore(url)
        store.review(store.record_answer(answer(QUESTION)), "incorrect", "=cites the wrong entry", reviewer="ana")
        SuggestionStore(url).add("qa/x", "a better body", base_body="the old body")
        exported = khub("review", "export", tmp_path / "reviews.csv", KHUB_REVIEW_DB=url)
        assert exported.exit_code == 0, exported.output
        with (tmp_path / "reviews.csv").open(encoding="utf-8", newline="") as exported_file:
            [row] = list(csv.DictReader(exported_file))
        assert (row["question"], row["verdict"], row["reviewer"], row["review_note"]) == (
            QUESTION, "incorrect", "ana", "'=cites the wrong entry")
        assert khub("review", "export", tmp_path / "s.csv", "--suggestions", KHUB_REVIEW_DB=url).exit_code == 0
        assert "a better body" in (tmp_path / "s.csv").read_text(encoding="utf-8")
        assert not (tmp_path / "index" / "reviews.sqlite").exists()


# --- two replicas ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def replicas(tmp_path_factory, bundled_settings):
    """Two `khub serve` processes on one index of corpus/ and one PostgreSQL database: (url A, url B, database)."""
    root = tmp_path_factory.mktemp("replicas")
    with postgres_server.fresh_database() as database:
        env = {"KHUB_INDEX_DIR": str(bundled_settings.index_dir), "KHUB_MODELS_DIR": str(bundled_settings.models_dir),
               "KHUB_REVIEW_DB": database, "KHUB_REVIEW_USER": REVIEWER[0], "KHUB_REVIEW_PASSWORD": REVIEWER[1]}
        with khub_serving(env, root / "a.log") as a, khub_serving(env, root / "b.log") as b:
            yield a, b, database


def test_an_answer_asked_at_one_replica_and_its_verdict_are_read_at_the_other(replicas, tmp_path):
    from gradio_client import Client

    a, b, database = replicas
    asked = Client(a, verbose=False).predict(QUESTION, api_name="/ask")
    assert asked["answer_id"] and asked["mentor_verdict"] is None
    ReviewStore(database).review(asked["answer_id"], "needs_fix", NOTE, reviewer=REVIEWER[0])  # A's store
    again = Client(b, verbose=False).predict(QUESTION.upper(), api_name="/ask")
    assert again["mentor_verdict"] | {"reviewed_at": None} == {
        "answer_id": asked["answer_id"], "verdict": "needs_fix", "note": NOTE, "reviewer": REVIEWER[0],
        "reviewed_at": None}
    assert again["answer_id"] not in (None, asked["answer_id"])  # B stored its own answer in the same table
    queue = {row["id"]: row for row in ReviewStore(database).queue(include_reviewed=True)}
    assert queue[asked["answer_id"]]["verdict"] == "needs_fix" and queue[again["answer_id"]]["verdict"] is None


def desk(browser, url: str, stack: contextlib.ExitStack):
    """A browser tab on one replica's page, closed with ``stack``."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    stack.callback(context.close)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#khub-question textarea", timeout=60_000)
    return page


def test_a_verdict_given_at_one_replicas_desk_shows_in_the_others_queue(replicas, browser):
    from gradio_client import Client
    from test_web_review import choose_verdict, queue_rows, sign_in

    a, b, database = replicas
    question = "which learning path takes a complete beginner to building PHP REST APIs?"
    asked = Client(a, verbose=False).predict(question, api_name="/ask")
    with contextlib.ExitStack() as stack:
        desk_a, desk_b = desk(browser, a, stack), desk(browser, b, stack)
        sign_in(desk_a)  # the account the replicas' environment made, once, in the shared database
        desk_a.locator("#khub-queue [data-testid='cell-0-2']").click()  # the newest answer: the one just asked
        desk_a.wait_for_function("document.querySelector('#khub-answer-id input')?.value === "
                                 f"'{asked['answer_id']}'", timeout=15_000)
        desk_a.locator("#khub-verdict label", has_text="incorrect").click()
        field(desk_a, "khub-review-note").fill(NOTE)
        desk_a.locator("#khub-save-review").click()
        desk_a.wait_for_selector(f"text=answer #{asked['answer_id']} is", timeout=15_000)

        sign_in(desk_b)
        choose_verdict(desk_b, "incorrect")
        desk_b.wait_for_function("document.querySelector('#khub-queue-count')?.innerText?.startsWith('1 answer ')",
                                 timeout=15_000)
        assert question in queue_rows(desk_b)[0] and "incorrect" in queue_rows(desk_b)[0]
        desk_b.screenshot(path=str(ARTIFACTS / "replica_b_queue_shows_verdict_from_a.png"), full_page=True)
    assert ReviewStore(database).get(asked["answer_id"])["reviews"][-1] | {"created_at": None} == {
        "verdict": "incorrect", "note": NOTE, "reviewer": REVIEWER[0], "created_at": None}

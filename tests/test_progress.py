"""Signed-in learners' milestone marks on the server: the store (ui/progress_store.py) in the review
database beside the accounts and answers, and whose progress the Learn tab shows for a session."""

from __future__ import annotations

import postgres_server
import pytest
from sqlalchemy import text

from ui.accounts import MentorAccounts
from ui.learn_progress import LearnProgress
from ui.progress_store import ProgressStore
from ui.reviews import ReviewStore

PASSWORD = "correct-horse-battery-staple"
# Each test runs on a SQLite file and on a fresh PostgreSQL database (skipped without one: tests/postgres_server.py).
review_database = pytest.fixture(params=postgres_server.BACKENDS)(postgres_server.review_database)


def query(database, sql: str) -> list[tuple]:
    """Rows read straight from the table, past the store's methods."""
    with ProgressStore(database).database.reading() as connection:
        return [tuple(row) for row in connection.execute(text(sql))]


def rows(database) -> list[tuple]:
    return query(database, "SELECT account, path_id, n FROM learn_progress ORDER BY 1, 2, 3")


def test_marks_round_trip_per_account_and_unmarking_deletes_the_row(review_database):
    database = review_database
    ReviewStore(database)  # the same file as the review store and the accounts, each its own table
    MentorAccounts(database).add("ana", PASSWORD)
    store = ProgressStore(database)
    store.mark("ana", "path/php", 2)
    store.mark("ana", "path/php", 2)  # marking twice is marking once
    store.mark("ana", "path/sql", 1)
    store.mark("bo", "path/php", 3)
    again = ProgressStore(database)  # another connection (another process) reads the same marks
    assert again.progress("ana").stored() == [["path/php", 2], ["path/sql", 1]]
    assert again.progress("bo").of("path/php") == {3}
    assert again.progress("cy") == LearnProgress()
    again.unmark("ana", "path/php", 2)
    again.unmark("ana", "path/php", 7)  # never marked: nothing happens
    assert rows(database) == [("ana", "path/sql", 1), ("bo", "path/php", 3)]


def test_signing_in_merges_the_browsers_marks_into_the_account_losing_none(review_database):
    database = review_database
    store = ProgressStore(database)
    store.mark("ana", "path/php", 1)
    [(first_marked,)] = query(database, "SELECT marked_at FROM learn_progress")
    browser = LearnProgress.from_stored([["path/php", 1], ["path/php", 4], ["path/sql", 2]])
    merged = store.merge("ana", browser)
    assert merged.stored() == [["path/php", 1], ["path/php", 4], ["path/sql", 2]]
    assert store.progress("ana") == merged
    # a mark the account held keeps when it was first made
    assert query(database, "SELECT marked_at FROM learn_progress WHERE n = 1") == [(first_marked,)]
    assert store.merge("ana", LearnProgress()) == merged  # an empty browser changes nothing


def test_a_removed_accounts_marks_stay_and_come_back_with_the_account(review_database):
    database = review_database
    accounts = MentorAccounts(database)
    accounts.add("ana", PASSWORD)
    ProgressStore(database).mark("ana", "path/php", 5)
    accounts.remove("ana")
    assert rows(database) == [("ana", "path/php", 5)]
    accounts.add("ana", "a new long passphrase")
    assert ProgressStore(database).progress("ana").of("path/php") == {5}


def test_the_learn_tab_keeps_marks_with_an_account_only_while_its_session_holds(tmp_path):
    from test_accounts import Clock

    from ui.mentor_session import MentorGate
    from ui.tabs.learn import KeptProgress
    from ui.throttle import SignInThrottle

    database = tmp_path / "reviews.sqlite"
    accounts = MentorAccounts(database)
    accounts.add("ana", PASSWORD)
    accounts.add("bo", "another long passphrase")
    clock = Clock()
    gate = MentorGate(accounts, SignInThrottle(clock=clock), session_minutes=30, clock=clock)
    kept = KeptProgress(gate, database)
    ana, bo = gate.sign_in("ana", PASSWORD, "10.0.0.1"), gate.sign_in("bo", "another long passphrase", "10.0.0.2")
    assert kept.account(ana) == "ana" and kept.account(None) is None
    assert kept.whose("ana", ana) == "Your progress is saved to your account, **ana**."
    assert kept.whose(None, None).startswith("Your progress is saved in this browser.")
    accounts.remove("bo")
    assert kept.account(bo) is None  # a removed account counts as signed out
    clock.now += 30 * 60
    assert kept.account(ana) is None  # so does a session past its time
    assert "your sign-in has ended. Sign in again on the Review tab" in kept.whose(None, ana)
    off = KeptProgress(None, tmp_path / "unused.sqlite")  # review off: no accounts, nothing on the server
    assert off.store is None and off.account(ana) is None
    assert off.whose(None, None) == "Your progress is saved in this browser."

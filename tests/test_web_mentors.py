"""Opening the hub to the internet, against a real `khub serve` and Chromium: named mentors, throttled
sign-in, sessions that end, and exports a spreadsheet cannot run.

Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import csv
import time

import pytest
import test_web
from khub_cli import khub_cli
from test_web import ARTIFACTS, ROOT, field, khub_serving

from embeddings.pipeline import run_ingest
from khub.settings import Settings
from ui.accounts import MentorAccounts
from ui.reviews import ReviewStore

browser = test_web.browser  # the same Chromium fixture, for this module
MENTORS = {"ana": "ana-long-passphrase-1", "bo": "bo-long-passphrase-22"}
SIGNIN_DELAY = 3  # seconds; the first wait after the free attempts (KHUB_SIGNIN_DELAY)
PAYLOADS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tleading tab", "\rcarriage return"]


@pytest.fixture(scope="module")
def server(tmp_path_factory, models_dir, encoder):
    root = tmp_path_factory.mktemp("mentors")
    settings = Settings(index_dir=root / "index", corpus_dir=ROOT / "corpus", models_dir=models_dir)
    run_ingest([ROOT / "corpus"], settings, strict=True)
    accounts = MentorAccounts(settings.index_dir / "reviews.sqlite")
    for name, password in MENTORS.items():
        accounts.add(name, password)
    env = {"KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(models_dir),
           "KHUB_SIGNIN_FREE_ATTEMPTS": "10", "KHUB_SIGNIN_DELAY": str(SIGNIN_DELAY)}
    log_path = root / "serve.log"
    with khub_serving(env, log_path) as url:
        yield url, settings, log_path


def desk(browser, url: str):
    """A fresh browser context on the Review tab."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#khub-question textarea", timeout=60_000)
    page.get_by_role("tab", name="Review").click()
    return page


def try_sign_in(page, name: str, password: str) -> None:
    field(page, "khub-review-user").fill(name)
    field(page, "khub-review-password").fill(password)
    page.locator("#khub-review-login").click()


def sign_in(page, name: str) -> None:
    try_sign_in(page, name, MENTORS[name])
    page.wait_for_function(f"document.querySelector('#khub-review-whoami')?.innerText?.includes({name!r})",
                           timeout=15_000)


def review_row(page, question: str, verdict: str, note: str) -> None:
    page.locator("#khub-queue .virtual-row", has_text=question[:40]).first.click()
    page.wait_for_function("document.querySelector('#khub-review-answer')?.innerText?.includes('Question')",
                           timeout=15_000)
    page.locator("#khub-verdict label", has_text=verdict).first.click()
    field(page, "khub-review-note").fill(note)
    page.locator("#khub-save-review").click()
    page.wait_for_function("document.querySelector('#khub-review-saved')?.innerText?.includes('Saved')",
                           timeout=15_000)


def login_message(page) -> str:
    message = page.locator("#khub-review-login-message")
    message.wait_for(timeout=15_000)
    page.wait_for_function("document.querySelector('#khub-review-login-message')?.innerText?.trim()",
                           timeout=15_000)
    return message.inner_text()


def test_two_mentors_verdicts_carry_their_names_and_a_removed_mentor_cannot_sign_in(browser, server):
    from gradio_client import Client

    url, settings, log_path = server
    client = Client(url, verbose=False)
    questions = ["how do I expire a JWT early?", "what is a recursive CTE for a category tree?"]
    for question in questions:
        client.predict(question, api_name="/ask")
    ana, bo = desk(browser, url), desk(browser, url)
    sign_in(ana, "ana")
    sign_in(bo, "bo")
    review_row(ana, questions[0], "correct", "Right, and cites the JWT entry.")
    review_row(bo, questions[1], "needs_fix", "Should mention the depth limit.")
    bo.locator("#khub-filter-unreviewed input").uncheck()  # reviewed answers too
    bo.wait_for_function("document.querySelector('#khub-queue')?.innerText?.includes('ana')", timeout=15_000)
    bo.screenshot(path=str(ARTIFACTS / "mentors_two_names_on_the_desk.png"), full_page=True)

    reviews = {row["question"]: row["reviewer"] for row in ReviewStore(settings.index_dir / "reviews.sqlite").queue(
        include_reviewed=True)}
    assert reviews == {questions[0]: "ana", questions[1]: "bo"}

    khub_cli(settings)("mentor", "remove", "bo")
    bo.locator("#khub-review-desk button", has_text="Refresh the queue").click()  # her open session ends
    bo.wait_for_selector("text=was removed", timeout=15_000)
    gone = desk(browser, url)
    try_sign_in(gone, "bo", MENTORS["bo"])
    assert "Wrong user or password." in login_message(gone)
    exported = settings.index_dir.parent / "reviews.csv"
    assert khub_cli(settings)("review", "export", exported).exit_code == 0
    rows = {row["question"]: row["reviewer"] for row in csv.DictReader(exported.open(encoding="utf-8"))}
    assert rows == {questions[0]: "ana", questions[1]: "bo"}  # a removed mentor's verdicts keep her name
    log = log_path.read_text()
    assert "sign-in succeeded: name='ana'" in log and MENTORS["ana"] not in log and MENTORS["bo"] not in log


def test_ten_wrong_passwords_make_the_eleventh_wait_and_the_right_one_works_after(browser, server):
    url, _, log_path = server
    page = desk(browser, url)
    sign_in(page, "ana")  # a success clears earlier failures from this client (the other tests' too)
    page.locator("#khub-review-signout").click()
    page.wait_for_selector("#khub-review-login-message :text('Signed out.')", timeout=15_000)
    for attempt in range(10):
        try_sign_in(page, "ana", f"wrong guess {attempt}")
        page.wait_for_function("document.querySelector('#khub-review-login-message')?.innerText?.includes("
                               "'Wrong user or password.') && document.querySelector('#khub-review-password input')"
                               "?.value === ''", timeout=15_000)
    try_sign_in(page, "ana", MENTORS["ana"])
    page.wait_for_selector("#khub-review-login-message :text('too many attempts; try again in')", timeout=15_000)
    page.screenshot(path=str(ARTIFACTS / "mentors_sign_in_waits.png"), full_page=True)
    assert page.locator("#khub-review-desk").is_hidden()
    time.sleep(SIGNIN_DELAY + 0.5)
    sign_in(page, "ana")
    assert "wrong guess" not in log_path.read_text()  # attempts are logged without the password


def test_every_export_neutralises_formula_payloads_stored_through_ask(browser, server, tmp_path):
    from gradio_client import Client

    url, settings, _ = server
    client = Client(url, verbose=False)
    for payload in PAYLOADS:
        client.predict(payload, api_name="/ask")
    page = desk(browser, url)
    sign_in(page, "ana")
    # The queue and the export file come with the same event, after the sign-in shows.
    page.wait_for_function("document.querySelector('#khub-queue-count')?.innerText?.includes('Click a row')",
                           timeout=15_000)
    with page.expect_download(timeout=30_000) as download:
        page.locator("#khub-export").click()
    from_desk = tmp_path / "desk.csv"
    download.value.save_as(from_desk)
    from_cli = tmp_path / "cli.csv"
    assert khub_cli(settings)("review", "export", from_cli).exit_code == 0
    for exported in (from_desk, from_cli):
        questions = [row["question"] for row in csv.DictReader(exported.open(encoding="utf-8", newline=""))]
        assert not any(q.startswith(("=", "+", "-", "@", "\t", "\r")) for q in questions), exported.name
        for payload in PAYLOADS:  # each stored, shown as text: ' before it (or stored without the whitespace)
            assert "'" + payload in questions or payload.strip() in questions, (exported.name, payload)

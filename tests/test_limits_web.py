"""Per-client limits on a real ``khub serve``: the public API and the app's own chat and search.

Clients are told apart by address. From loopback (a trusted proxy by default) each gradio_client
sends its own X-Forwarded-For, as a reverse proxy would; from an untrusted peer the header is ignored.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_web import ARTIFACTS, browser, free_port  # noqa: F401  (browser: the shared Chromium fixture)

from assistant.answer import Answer
from khub.settings import Settings
from ui.reviews import ReviewStore

ROOT = Path(__file__).resolve().parents[1]
LIMITS = {"KHUB_ASK_PER_MINUTE": "3", "KHUB_SEARCH_PER_MINUTE": "1000", "KHUB_MAX_QUESTION_CHARS": "500",
          "KHUB_ANSWERS_PER_CLIENT_PER_DAY": "2"}
QUESTION = "how do I stop excessive API calls while the user types in a search box?"
SEARCHES = ("walk a category tree of unknown depth with SQL", "foreign key constraint fails on insert",
            "jwt refresh token expiry", "debounce a search box in react", "python module not found in venv",
            "recursive cte", "rate limiting an api", "docker compose healthcheck", "invalidate a jwt early",
            "php rest api learning path", "sql injection prepared statements", "git rebase interactive")
RATE_REFUSAL = r"rate limit: 3 ask requests per minute per client; try again in \d+ s"
# The answers table as stores made before answers recorded their client have it.
OLD_ANSWERS = """CREATE TABLE answers (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL,
    session TEXT NOT NULL DEFAULT '', question TEXT NOT NULL, query TEXT NOT NULL, answer TEXT NOT NULL,
    mode TEXT NOT NULL, refused INTEGER NOT NULL,
    faithfulness REAL NOT NULL, citations TEXT NOT NULL, sentences TEXT NOT NULL)"""


@dataclass(frozen=True)
class Server:
    url: str
    review_db: Path


def old_store(path: Path) -> None:
    """A review store from before answers had a client, holding one answer given yesterday."""
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(OLD_ANSWERS)
        connection.execute("INSERT INTO answers VALUES (1, '2000-01-01T09:00:00+00:00', 'api', 'an old question', "
                           "'an old question', 'an old answer', 'extractive', 0, 1.0, '[]', '[]')")


@contextlib.contextmanager
def khub_serve(root: Path, settings: Settings, **variables: str) -> Iterator[Server]:
    """``khub serve`` in a subprocess on the given index, with KHUB_* variables on top; its log in root."""
    port, review_db = free_port(), root / "reviews.sqlite"
    env = {**os.environ, "KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(settings.models_dir),
           "KHUB_REVIEW_DB": str(review_db), **variables}
    log_path = root / "serve.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "khub", "serve", "--port", str(port)], cwd=ROOT, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while not _listening(port):
                assert process.poll() is None and time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.5)
            yield Server(f"http://127.0.0.1:{port}/", review_db)
        finally:
            process.terminate()
            process.wait(timeout=30)


def _listening(port: int) -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def server(tmp_path_factory, bundled_settings) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("limits")
    old_store(root / "reviews.sqlite")
    with khub_serve(root, bundled_settings, **LIMITS) as running:
        yield running


def client(server: Server, address: str):
    from gradio_client import Client

    return Client(server.url, verbose=False, headers={"X-Forwarded-For": address})


def stored_clients(review_db: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(review_db)) as connection:
        return [row[0] for row in connection.execute("SELECT client FROM answers ORDER BY id")]


def timed_searches(searcher) -> list[float]:
    seconds = []
    for query in SEARCHES:
        start = time.perf_counter()
        assert searcher.predict(query, api_name="/search")["hits"]
        seconds.append(time.perf_counter() - start)
    return seconds


# --- the public API, through gradio_client ------------------------------------------------------


def test_a_client_looping_on_ask_is_held_while_another_keeps_searching(server, capsys):
    from gradio_client.exceptions import AppError

    asker, searcher = client(server, "203.0.113.10"), client(server, "198.51.100.7")
    searcher.predict("warm up", api_name="/search")
    alone = timed_searches(searcher)
    answers, refusals, stop = [], [], threading.Event()

    def loop():
        while not stop.is_set():
            try:
                answers.append(asker.predict(QUESTION, api_name="/ask"))
            except AppError as exc:
                refusals.append(str(exc))

    looping = threading.Thread(target=loop, daemon=True)
    looping.start()
    deadline = time.monotonic() + 60
    while not refusals and time.monotonic() < deadline:
        time.sleep(0.05)
    loaded = timed_searches(searcher)  # while the asker is being refused as fast as it can ask
    stop.set()
    looping.join(timeout=60)
    with capsys.disabled():
        print(f"\n/search median latency: alone {statistics.median(alone) * 1000:.0f} ms, while another client "
              f"loops on /ask {statistics.median(loaded) * 1000:.0f} ms ({len(answers)} answers, "
              f"{len(refusals)} refusals: {refusals[0]!r})")
    assert len(answers) == 3 and all(answer["citations"] for answer in answers)
    assert len(refusals) >= 3 and all(re.fullmatch(RATE_REFUSAL, r) for r in refusals), refusals[:3]
    assert statistics.median(loaded) < 3 * statistics.median(alone) + 0.5


def test_an_over_long_question_is_refused_and_the_api_is_unchanged(server):
    from gradio_client.exceptions import AppError

    api = client(server, "203.0.113.30")
    for endpoint in ("/ask", "/diagnose", "/search"):
        with pytest.raises(AppError, match=r"the text is 501 characters; the limit is 500\. Shorten it"):
            api.predict("x" * 501, api_name=endpoint)
    named = api.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert [p["parameter_name"] for p in named["/ask"]["parameters"]] == ["question", "kind", "language", "level",
                                                                          "model"]
    assert [p["parameter_name"] for p in named["/diagnose"]["parameters"]] == ["text", "top_k"]
    assert "request" not in [p["parameter_name"] for p in named["/search"]["parameters"]]


def test_the_daily_cap_stops_storing_answers_but_still_answers(server):
    api = client(server, "203.0.113.20")
    answers = [api.predict(QUESTION, api_name="/ask") for _ in range(3)]
    assert [isinstance(a["answer_id"], int) for a in answers] == [True, True, False]
    assert answers[2]["answer_id"] is None and answers[2]["answer"] == answers[0]["answer"]  # still answered
    assert any("not stored for the mentors' review" in notice for notice in answers[2]["notices"])
    assert stored_clients(server.review_db).count("203.0.113.20") == 2
    old = ReviewStore(server.review_db).get(1)  # the answer stored before the column existed is untouched
    assert (old["question"], old["answer"], old["client"]) == ("an old question", "an old answer", "")


def test_a_forwarded_address_from_an_untrusted_peer_is_ignored(tmp_path, bundled_settings):
    from gradio_client.exceptions import AppError

    only_elsewhere = {"KHUB_TRUSTED_PROXIES": "10.9.9.9", "KHUB_SEARCH_PER_MINUTE": "2"}
    with khub_serve(tmp_path, bundled_settings, **only_elsewhere) as untrusted:
        first, second = client(untrusted, "203.0.113.1"), client(untrusted, "203.0.113.2")
        first.predict("jwt", api_name="/search")
        first.predict("cte", api_name="/search")
        with pytest.raises(AppError, match="2 search requests per minute"):  # one window: both are 127.0.0.1
            second.predict("jwt", api_name="/search")
        first.predict(QUESTION, api_name="/ask")
        assert stored_clients(untrusted.review_db) == ["127.0.0.1"]


# --- the app's own events, in a browser ----------------------------------------------------------


def answers_shown(page, count: int) -> None:
    page.wait_for_function(f"(document.querySelector('#khub-chat')?.innerText ?? '').split('Answered by').length "
                           f"> {count}", timeout=60_000)


def test_the_chat_and_search_as_you_type_keep_the_limits(browser, server, request):  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1000},
                                  extra_http_headers={"X-Forwarded-For": "203.0.113.40"})
    page = context.new_page()
    try:
        page.goto(server.url)
        page.wait_for_selector("#khub-question textarea", timeout=60_000)
        for number in range(1, 4):
            page.locator("#khub-question textarea").fill(f"{QUESTION} ({number})")
            page.locator("#khub-question button").last.click()
            answers_shown(page, number)
        assert "not stored for the mentors' review" in page.locator("#khub-chat").inner_text()  # the third one
        page.locator("#khub-chat button[aria-label='Like']").last.click()
        page.get_by_text("feedback cannot reach the mentors").first.wait_for(timeout=15_000)
        page.locator("#khub-question textarea").fill(QUESTION)
        page.locator("#khub-question button").last.click()
        page.get_by_text("rate limit: 3 ask requests per minute per client; try again in").first.wait_for(
            timeout=15_000)
        assert page.locator("#khub-question textarea").input_value() == QUESTION  # kept, to send again later
        assert page.locator("#khub-chat").inner_text().count("Answered by") == 3  # the conversation stays
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-chat.png"), full_page=True)
        page.get_by_role("tab", name="Search").click()
        search = page.locator("#khub-search textarea, #khub-search input").first
        search.click()
        search.fill("y" * 500)  # fill sends no keystroke; the last character is typed, as a user would
        search.type("y")
        page.get_by_text("the text is 501 characters; the limit is 500").first.wait_for(timeout=15_000)
        page.wait_for_timeout(800)  # the toast's fade-in, for the screenshot
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        assert stored_clients(server.review_db).count("203.0.113.40") == 2
    finally:
        context.close()


# --- the review store's part --------------------------------------------------------------------


def test_an_old_store_gains_the_client_column_and_counts_a_clients_answers_today(tmp_path):
    old_store(tmp_path / "reviews.sqlite")
    store = ReviewStore(tmp_path / "reviews.sqlite")
    ReviewStore(tmp_path / "reviews.sqlite")  # opened again: added once
    answer = Answer(question="q", query="q", text="a", mode="extractive", refused=False, citations=())
    for address in ("10.0.0.1", "10.0.0.1", "10.0.0.2"):
        store.record_answer(answer, client=address)
    assert (store.answers_today("10.0.0.1"), store.answers_today("10.0.0.2"), store.answers_today("")) == (2, 1, 0)
    assert store.get(1)["answer"] == "an old answer" and store.get(1)["client"] == ""
    assert [row["id"] for row in store.queue()] == [4, 3, 2, 1]

"""The web app for real: `khub serve` in a subprocess, driven by gradio_client and by Chromium.

Chromium is Debian's (/usr/bin/chromium, headless, --no-sandbox), driven by Playwright; screenshots
go to test-artifacts/. Without Chromium or Playwright the browser tests skip and say how to install.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from trace_cases import load_cases

from embeddings.pipeline import run_ingest
from khub.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CASES = load_cases()
EVIL_ENTRY = """---
id: article/evil-rendering
kind: article
title: Rendering untrusted HTML <img src=x onerror="window.__khubXss='entry-title'">
tags: [security, xss]
---
Never render untrusted HTML. <script>window.__khubXss = 'entry-script'</script>
<img src="x" onerror="window.__khubXss='entry-img'"> [click me](javascript:window.__khubXss='entry-link')
![tracker](https://tracker.example/pixel.png)
"""
REVIEWER = ("mentor", "correct-horse-battery-staple")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, models_dir, encoder):
    root = tmp_path_factory.mktemp("web")
    extra = root / "extra"
    extra.mkdir()
    (extra / "evil.md").write_text(EVIL_ENTRY)
    settings = Settings(index_dir=root / "index", corpus_dir=ROOT / "corpus", models_dir=models_dir)
    run_ingest([ROOT / "corpus", extra], settings, strict=True)
    env = {"KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(models_dir),
           "KHUB_REVIEW_USER": REVIEWER[0], "KHUB_REVIEW_PASSWORD": REVIEWER[1]}
    with khub_serving(env, root / "serve.log") as url:
        yield url, settings


@contextmanager
def khub_serving(env: dict[str, str], log_path: Path):
    """`khub serve` in a subprocess on a free port, with ``env`` added to this environment; yields its URL.
    Its output goes to ``log_path``, shown if it exits before it listens; it is stopped afterwards."""
    from bench.suite import free_port as unused_port
    from bench.suite import wait_for_server

    port = unused_port()
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "khub", "serve", "--port", str(port)], cwd=ROOT,
                                   env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
        try:
            try:
                wait_for_server(port, process)
            except RuntimeError as exc:
                raise AssertionError(f"{exc}:\n{log_path.read_text()}") from None
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=30)


# --- the API, through gradio_client -----------------------------------------------------------


def test_api_search_diagnose_and_ask_with_gradio_client(server):
    from gradio_client import Client

    url, _ = server
    client = Client(url, verbose=False)
    assert (set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
            >= {"/ask", "/diagnose", "/search"})
    found = client.predict("walk a category tree of unknown depth with SQL", api_name="/search")
    assert found["hits"][0]["entry_id"] == "snippet/recursive-cte-hierarchy"
    assert {"entry_id", "score", "title", "kind", "chunk_id", "passage"} <= set(found["hits"][0])
    only_errors = client.predict("foreign key", "error", api_name="/search")
    assert {hit["kind"] for hit in only_errors["hits"]} == {"error"}
    diagnosis = client.predict(CASES["mariadb-client-fk-seed-order"]["text"], api_name="/diagnose")
    assert diagnosis["confident"] and diagnosis["hits"][0]["entry_id"] == "error/fk-insert-order"
    answer = client.predict("how do I stop excessive API calls while the user types in a search box?", api_name="/ask")
    assert answer["mode"] == "extractive" and not answer["refused"] and answer["answer_id"] > 0
    assert answer["citations"][0]["entry_id"] == "snippet/use-debounce-hook"


# --- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (test extra)")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed: apt-get install -y chromium (scripts/setup --dev does)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server, request):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(server[0])
    page.wait_for_selector("#khub-question textarea", timeout=60_000)
    yield page
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def field(page, elem_id: str):
    """The text control inside a Gradio component (a textarea or an input, depending on its type)."""
    return page.locator(f"#{elem_id} textarea, #{elem_id} input").first


def ask(page, text: str) -> None:
    page.locator("#khub-question textarea").fill(text)
    page.locator("#khub-question button").last.click()
    page.wait_for_selector("#khub-sources .khub-card, #khub-sources .khub-none", timeout=60_000)


def test_a_question_gets_an_answer_with_source_cards(page):
    ask(page, "how should I query an org chart of unknown depth in SQL?")
    cards = page.locator("#khub-sources .khub-card")
    assert cards.first.get_attribute("data-entry-id") == "snippet/recursive-cte-hierarchy"
    assert "[1]" in page.locator("#khub-chat").inner_text()
    assert "Answered by extractive mode" in page.locator("#khub-chat").inner_text()
    cards.first.locator("summary").click()  # the whole entry opens in place
    assert "WITH RECURSIVE" in cards.first.locator(".khub-entry").inner_text()


def test_thumbs_on_an_answer_land_in_the_review_store(page, server):
    from ui.reviews import ReviewStore

    ask(page, "which learning path takes a complete beginner to building PHP REST APIs?")
    page.locator("#khub-chat button[aria-label='Like']").last.click()
    store = ReviewStore(server[1].index_dir / "reviews.sqlite")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not any(row["thumbs_up"] for row in store.queue(include_reviewed=True)):
        time.sleep(0.3)
    liked = [row for row in store.queue(include_reviewed=True) if row["thumbs_up"]]
    assert liked and liked[0]["question"].startswith("which learning path")


def test_a_pasted_traceback_finds_its_entry_and_the_users_frame(page):
    ask(page, CASES["python-venv-yaml-missing"]["text"])
    assert (page.locator("#khub-sources .khub-card").first.get_attribute("data-entry-id")
            == "error/venv-module-not-found")
    assert "/home/dev/release-tools/check_manifests.py:5" in page.locator("#khub-chat").inner_text()


def test_typing_in_search_shows_results_and_opens_an_entry(page):
    page.get_by_role("tab", name="Search").click()
    box = field(page, "khub-search")
    box.click()
    box.type("cannot add or update a child row", delay=40)
    page.wait_for_function("document.querySelector('#khub-results')?.innerText?.includes('error/fk-insert-order')",
                           timeout=30_000)
    page.locator("#khub-open label").first.click()
    page.wait_for_function("document.querySelector('#khub-entry')?.innerText?.includes('Root Cause')", timeout=30_000)


def test_entry_and_pasted_html_stay_inert(page):
    ask(page, 'untrusted html rendering <img src=x onerror="window.__khubXss=\'paste\'">'
              "<script>window.__khubXss=1</script>"
              " [click](javascript:window.__khubXss='paste-link')")
    page.get_by_role("tab", name="Search").click()
    box = field(page, "khub-search")
    box.click()
    box.type("rendering untrusted html", delay=30)
    page.wait_for_function("document.querySelector('#khub-results')?.innerText?.includes('article/evil-rendering')",
                           timeout=30_000)
    page.locator("#khub-open label").first.click()
    page.wait_for_function("document.querySelector('#khub-entry')?.innerText?.includes('Never render')", timeout=30_000)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__khubXss") is None  # no handler, script or javascript: link ran
    assert "<script>" in page.locator("#khub-entry").inner_text()  # shown as text
    assert page.locator("#khub-entry img, #khub-chat img[src*='tracker']").count() == 0
    links = page.locator("#khub-entry a, #khub-chat a")
    assert all(not (links.nth(i).get_attribute("href") or "").startswith("javascript") for i in range(links.count()))


def test_a_mentor_signs_in_and_marks_an_answer(page, server):
    ask(page, "what do candidates get wrong about refresh tokens?")
    page.get_by_role("tab", name="Review").click()
    field(page, "khub-review-user").fill(REVIEWER[0])
    field(page, "khub-review-password").fill("wrong")
    page.locator("#khub-review-login").click()
    page.wait_for_selector("text=Wrong user or password.", timeout=15_000)
    field(page, "khub-review-password").fill(REVIEWER[1])
    page.locator("#khub-review-login").click()
    page.wait_for_selector("#khub-queue", timeout=15_000)
    from ui.reviews import ReviewStore

    settings = server[1]
    store = ReviewStore(settings.index_dir / "reviews.sqlite")
    newest = store.queue()[0]["id"]
    field(page, "khub-answer-id").fill(str(newest))
    page.locator("#khub-open-answer").click()
    page.wait_for_function("document.querySelector('#khub-review-answer')?.innerText?.includes('refresh tokens')",
                           timeout=15_000)
    page.locator("#khub-verdict label", has_text="needs_fix").click()
    field(page, "khub-review-note").fill("add the OWASP session guidance")
    page.locator("#khub-save-review").click()
    page.wait_for_selector(f"text=answer #{newest} is", timeout=15_000)
    saved = store.get(newest)["reviews"][-1]
    assert saved["verdict"] == "needs_fix" and saved["note"] == "add the OWASP session guidance"

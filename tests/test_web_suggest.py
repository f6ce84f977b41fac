"""Suggest an improvement, in Chromium: a reader proposes better text, a mentor accepts it, search finds it.

The server runs `khub serve` on a copy of corpus/ (KHUB_CORPUS_DIR), so accepting writes into the
copy, never into the repository. Screenshots of each step go to test-artifacts/.
"""

from __future__ import annotations

import shutil

import pytest
import test_web
from test_web import ARTIFACTS, REVIEWER, ROOT, ask, field, khub_serving

from assistant.paths import milestone_cache
from embeddings.pipeline import run_ingest
from khub.settings import Settings
from ui.suggestions import SuggestionStore

browser = test_web.browser  # the same headless Chromium fixture, and a page on this module's server
page = test_web.page
BARCODE = ("Barcode scanners type a whole code within a few milliseconds: debounce their input by 50 ms so "
           "each scan triggers exactly one lookup.")


@pytest.fixture(scope="module")
def server(tmp_path_factory, bundled_settings):
    root = tmp_path_factory.mktemp("web-suggest")
    corpus = shutil.copytree(ROOT / "corpus", root / "corpus")
    shutil.copytree(bundled_settings.index_dir, root / "index")  # its vectors are reused: only new text is encoded
    settings = Settings(index_dir=root / "index", corpus_dir=corpus, models_dir=bundled_settings.models_dir)
    # rebuild: a fresh snapshot whose manifest names the copy as its source (an update finding the same
    # entries would keep the bundled index's snapshot, and its sources)
    run_ingest([corpus], settings, strict=True, rebuild=True, derive=milestone_cache(settings))
    env = {"KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(settings.models_dir),
           "KHUB_CORPUS_DIR": str(corpus), "KHUB_REVIEW_USER": REVIEWER[0], "KHUB_REVIEW_PASSWORD": REVIEWER[1]}
    with khub_serving(env, root / "serve.log") as url:
        yield url, settings


def search(page, text: str) -> None:
    page.get_by_role("tab", name="Search").click()
    box = field(page, "khub-search")
    box.fill("")
    box.click()
    box.type(text, delay=20)


def snap(page, request, step: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{step}.png"), full_page=True)


def test_a_suggestion_accepted_by_a_mentor_is_then_found_by_search(page, server, request):
    # A reader opens an entry, edits its text in the box under it, and says why.
    search(page, "debounce hook for search inputs")
    page.locator("#khub-open label", has_text="snippet/use-debounce-hook").first.click()
    page.locator("#khub-suggest-search").get_by_text("Suggest an improvement").click()
    body = field(page, "khub-suggest-search-body")
    page.wait_for_function("document.querySelector('#khub-suggest-search-body textarea')?.value?"
                           ".includes('useDebounce')", timeout=30_000)
    body.fill(body.input_value() + "\n\n## Barcode scanners\n\n" + BARCODE)
    field(page, "khub-suggest-search-reason").fill("Scanners are a common case the entry misses.")
    page.locator("#khub-suggest-search-send").click()
    page.wait_for_selector("#khub-suggest-search-sent :text('is with the mentors')", timeout=30_000)
    snap(page, request, "1-reader")

    # The mentor signs in, opens the suggestion, sees it as a diff, and accepts it.
    page.get_by_role("tab", name="Review").click()
    field(page, "khub-review-user").fill(REVIEWER[0])
    field(page, "khub-review-password").fill(REVIEWER[1])
    page.locator("#khub-review-login").click()
    page.locator("#khub-suggestion-list label", has_text="snippet/use-debounce-hook").first.click(timeout=30_000)
    added = page.locator("#khub-suggestion-diff .khub-diff-add", has_text="Barcode scanners type")
    added.wait_for(timeout=30_000)
    assert page.locator("#khub-suggestion-diff .khub-diff-del").count() == 0  # only lines added
    assert "Scanners are a common case" in page.locator("#khub-suggestion-details").inner_text()
    added.scroll_into_view_if_needed()
    snap(page, request, "2-diff")
    field(page, "khub-suggestion-note").fill("Good addition, thanks.")
    page.locator("#khub-accept-suggestion").click()
    page.wait_for_selector("#khub-suggestion-outcome :text('Accepted suggestion')", timeout=180_000)
    snap(page, request, "3-accepted")

    settings = server[1]
    accepted = SuggestionStore(settings.index_dir / "reviews.sqlite").listing(include_decided=True)[0]
    assert (accepted.status, accepted.decided_by, accepted.note) == ("accepted", REVIEWER[0], "Good addition, thanks.")
    assert BARCODE in (settings.corpus_dir / "snippet" / "use-debounce-hook.md").read_text(encoding="utf-8")

    # Anyone searching for words only the suggested text has now finds the entry, in the running app.
    search(page, "barcode scanner triggers one lookup per scan")
    page.wait_for_function("document.querySelector('#khub-results')?.innerText?.includes('Barcode scanners')",
                           timeout=30_000)
    first = page.locator("#khub-open label").first
    assert "snippet/use-debounce-hook" in first.inner_text()


def test_a_reader_suggests_better_text_for_an_entry_an_answer_cited(page, server):
    ask(page, "how should I query an org chart of unknown depth in SQL?")
    cited = page.locator("#khub-suggest-ask-entry label", has_text="snippet/recursive-cte-hierarchy").first
    cited.click(timeout=30_000)
    page.locator("#khub-suggest-ask").get_by_text("Suggest an improvement").click()
    page.wait_for_function("document.querySelector('#khub-suggest-ask-body textarea')?.value?"
                           ".includes('WITH RECURSIVE')", timeout=30_000)
    body = field(page, "khub-suggest-ask-body")
    body.fill(body.input_value() + "\n\nOn MySQL 5.7, which lacks CTEs, store a materialised path column.")
    field(page, "khub-suggest-ask-reason").fill("Older MySQL has no recursive CTEs.")
    page.locator("#khub-suggest-ask-send").click()
    page.wait_for_selector("#khub-suggest-ask-sent :text('is with the mentors')", timeout=30_000)
    store = SuggestionStore(server[1].index_dir / "reviews.sqlite")
    newest = store.listing(include_decided=True)[0]
    assert (newest.entry_id, newest.status, newest.reason) == ("snippet/recursive-cte-hierarchy", "pending",
                                                               "Older MySQL has no recursive CTEs.")
    assert newest.body.endswith("store a materialised path column.") and "WITH RECURSIVE" in newest.base_body

"""The review desk in Chromium: filter the queue, open an answer by clicking its row, give a verdict,
and see the verdict again when the question is asked again. Also the "What's new" tab.

Runs its own ``khub serve`` (the fixtures of tests/test_web.py); screenshots go to test-artifacts/.
"""

from __future__ import annotations

import time

import test_web
from test_web import ARTIFACTS, REVIEWER, ask, field

from ui.reviews import ReviewStore

browser, page, server = test_web.browser, test_web.page, test_web.server  # the same fixtures, for this module

DISLIKED = "How do I stop excessive API calls while the user types in a search box?"
OTHER = "which learning path takes a complete beginner to building PHP REST APIs?"
NEW_ENTRY = """---
id: qa/n-plus-one
kind: qa
title: What is the N+1 query problem?
---
Loading a list, then one more query per row; fetch the related rows in one query instead.
"""
NOTE = "Debounce is right, but it should also cancel the request in flight (AbortController)."


def wait_until(condition, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.3)


def queue_rows(page) -> list[str]:
    """The queue's rows as shown (Gradio's Dataframe draws them as grid rows, not table rows)."""
    rows = page.locator("#khub-queue .virtual-row")
    return [rows.nth(n).inner_text() for n in range(rows.count())]


def sign_in(page) -> None:
    page.get_by_role("tab", name="Review").click()
    field(page, "khub-review-user").fill(REVIEWER[0])
    field(page, "khub-review-password").fill(REVIEWER[1])
    page.locator("#khub-review-login").click()
    page.wait_for_function("document.querySelector('#khub-queue-count')?.innerText.includes('Click a row')",
                           timeout=15_000)


def test_a_mentor_filters_opens_a_row_and_marks_it_incorrect_and_askers_see_it(page, server):
    url, settings = server
    store = ReviewStore(settings.index_dir / "reviews.sqlite")
    ask(page, DISLIKED)
    page.locator("#khub-chat button[aria-label='Dislike']").last.click()
    wait_until(lambda: any(row["thumbs_down"] for row in store.queue()))
    ask(page, OTHER)
    sign_in(page)
    assert any(DISLIKED in row for row in queue_rows(page)) and any(OTHER in row for row in queue_rows(page))

    page.locator("#khub-filter-thumbs-down input").check()
    page.wait_for_function("document.querySelector('#khub-queue-count')?.innerText?.startsWith('1 answer ')",
                           timeout=15_000)
    assert len(queue_rows(page)) == 1 and DISLIKED in queue_rows(page)[0]

    page.locator("#khub-queue [data-testid='cell-0-2']").click()  # the first row's question
    page.wait_for_function("document.querySelector('#khub-review-answer')?.innerText?.includes('Support, sentence')",
                           timeout=15_000)
    answer = page.locator("#khub-review-answer").inner_text()
    assert DISLIKED in answer and "thumbs down 1" in answer and ("✓ supported" in answer or "✗ unsupported" in answer)
    cards = page.locator("#khub-review-sources .khub-card")
    assert cards.count() >= 1 and cards.first.get_attribute("data-entry-id") == "snippet/use-debounce-hook"
    answer_id = store.queue(thumbs_down=True)[0]["id"]
    assert field(page, "khub-answer-id").input_value() == str(answer_id)  # the row opened that answer
    page.screenshot(path=str(ARTIFACTS / "review_desk_opened_by_row.png"), full_page=True)

    page.locator("#khub-verdict label", has_text="incorrect").click()
    field(page, "khub-review-note").fill(NOTE)
    page.locator("#khub-save-review").click()
    page.wait_for_selector(f"text=answer #{answer_id} is", timeout=15_000)
    assert store.get(answer_id)["reviews"][-1] | {"created_at": None} == {
        "verdict": "incorrect", "note": NOTE, "reviewer": "mentor", "created_at": None}
    page.wait_for_function("document.querySelector('#khub-queue-count')?.innerText?.startsWith('No answers')",
                           timeout=15_000)  # reviewed now, so no longer in the unreviewed thumbs-down queue

    choose_verdict(page, "incorrect")  # a verdict filter shows reviewed answers
    page.wait_for_function("document.querySelector('#khub-queue-count')?.innerText?.startsWith('1 answer ')",
                           timeout=15_000)
    assert not page.locator("#khub-filter-unreviewed input").is_checked()
    assert "incorrect" in queue_rows(page)[0]
    with page.expect_download() as download:
        page.locator("#khub-export").click()
    exported = download.value.path().read_text(encoding="utf-8")
    assert NOTE in exported and download.value.suggested_filename.endswith(".csv")

    page.get_by_role("tab", name="Ask").click()
    ask(page, "how do I stop excessive API calls, while the user types in a search box")  # same question
    # The sources of the first answer are still shown: wait for the new answer itself.
    page.wait_for_function("document.querySelector('#khub-chat')?.innerText?.includes('A mentor marked')",
                           timeout=60_000)
    chat = page.locator("#khub-chat").inner_text()
    assert "A mentor marked an earlier answer to this question incorrect" in chat and NOTE in chat
    page.wait_for_timeout(1500)  # the chat's smooth scroll to the end of the answer settles first
    notice = page.locator("#khub-chat blockquote", has_text="A mentor marked").last
    notice.evaluate("element => element.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(1000)
    page.locator("#khub-chat").screenshot(path=str(ARTIFACTS / "review_verdict_shown_in_chat.png"))


def test_the_api_answer_carries_the_mentor_verdict(server):
    from gradio_client import Client

    url, settings = server
    store = ReviewStore(settings.index_dir / "reviews.sqlite")
    question = "What is a recursive CTE for a category tree?"
    client = Client(url, verbose=False)
    first = client.predict(question, api_name="/ask")
    assert first["mentor_verdict"] is None and {"answer", "citations", "answer_id"} <= set(first)
    store.review(first["answer_id"], "needs_fix", "add the cycle guard")
    again = client.predict(question.upper(), api_name="/ask")
    assert again["mentor_verdict"] | {"reviewed_at": None} == {
        "answer_id": first["answer_id"], "verdict": "needs_fix", "note": "add the cycle guard",
        "reviewer": "mentor", "reviewed_at": None}


def test_whats_new_shows_a_newly_ingested_entry_first(page, server):
    from embeddings.pipeline import run_ingest

    settings = server[1]
    page.get_by_role("tab", name="What's new").click()
    page.wait_for_selector("#khub-new .khub-new-row", timeout=15_000)
    assert "added" in page.locator("#khub-new .khub-new-row").first.inner_text()
    extra = settings.index_dir.parent / "extra"  # the server fixture's second archive folder
    (extra / "n-plus-one.md").write_text(NEW_ENTRY)
    run_ingest([test_web.ROOT / "corpus", extra], settings)
    page.locator("#khub-new-refresh").click()
    page.wait_for_function("document.querySelector('#khub-new .khub-new-row').dataset.entryId === 'qa/n-plus-one'",
                           timeout=15_000)
    assert "What is the N+1 query problem?" in page.locator("#khub-new .khub-new-row").first.inner_text()
    assert page.evaluate("window.__khubXss") is None  # the evil entry's title stays text
    assert "window.__khubXss='entry-title'" in page.locator("#khub-new").inner_text()


def choose_verdict(page, verdict: str) -> None:
    page.locator("#khub-filter-verdict input").click()
    page.get_by_role("option", name=verdict, exact=True).click()

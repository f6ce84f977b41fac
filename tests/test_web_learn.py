"""The Learn tab in Chromium: open a hub path, see its milestones with the entries that teach them,
mark one done, and find the mark still there after a reload (it is kept in the browser's storage);
a signed-in mentor's marks are kept with the account and follow it to another browser.

The server runs on an index built as `khub ingest` builds it, with the milestones' entries cached in
the snapshot. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import shutil

import pytest
from test_web import ARTIFACTS, REVIEWER, ROOT, browser, field, free_port, khub_serving  # noqa: F401  (browser is a fixture)

from khub.settings import Settings

PHP_PATH = "path/php-zero-to-production"


@pytest.fixture(scope="module")
def learn_server(tmp_path_factory, bundled_settings):
    from assistant.paths import milestone_cache
    from embeddings.pipeline import run_ingest

    root = tmp_path_factory.mktemp("web-learn")
    # A copy of the bundled index (its vector cache too), rebuilt as khub ingest builds: nothing to encode.
    shutil.copytree(bundled_settings.index_dir, root / "index")
    settings = Settings(index_dir=root / "index", corpus_dir=ROOT / "corpus", models_dir=bundled_settings.models_dir)
    run_ingest([], settings, rebuild=True, derive=milestone_cache(settings))
    env = {"KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(settings.models_dir),
           "KHUB_REVIEW_USER": REVIEWER[0], "KHUB_REVIEW_PASSWORD": REVIEWER[1]}  # a mentor account: review on
    with khub_serving(env, root / "serve.log") as url:
        yield url, settings


def open_learn_tab(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#khub-question textarea", timeout=60_000)
    page.get_by_role("tab", name="Learn").click()
    page.wait_for_selector("#khub-learn-paths .khub-learn-path", timeout=30_000)


def progress_is(page, text: str) -> None:
    page.wait_for_function(f"document.querySelector('#khub-learn-progress')?.innerText?.includes({text!r})",
                           timeout=30_000)


def test_the_learn_tab_opens_a_path_and_a_done_mark_survives_a_reload(browser, learn_server, request):  # noqa: F811
    from assistant.paths import learning_path
    from assistant.search import open_searcher

    url, settings = learn_server
    expected = learning_path(open_searcher(settings), PHP_PATH)
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    open_learn_tab(page, url)
    listed = page.locator("#khub-learn-paths .khub-learn-path")
    assert sorted(listed.nth(i).get_attribute("data-path-id") for i in range(listed.count())) == sorted(
        f"path/{f.stem}" for f in (ROOT / "corpus" / "path").glob("*.md"))

    page.locator("#khub-learn-open label", has_text=expected.title).click()
    progress_is(page, f"0 of {len(expected.steps)} done")
    steps = page.locator("#khub-learn-milestones .khub-learn-milestone")
    assert steps.count() == len(expected.steps) == 9
    for i, step in enumerate(expected.steps):  # in order, each with the cards of the entries that teach it
        assert step.milestone.title in steps.nth(i).locator(".khub-learn-step").inner_text()
        cards = steps.nth(i).locator(".khub-card")
        assert [cards.nth(j).get_attribute("data-entry-id") for j in range(cards.count())] == list(step.entries)
    assert steps.nth(0).locator(".khub-card").first.is_visible()  # the next milestone's entries are open

    second = expected.steps[1].milestone
    page.locator("#khub-learn-done label", has_text=f"{second.n}. {second.title}").click()
    progress_is(page, f"1 of {len(expected.steps)} done")
    page.wait_for_selector(f"#khub-learn-milestones [data-milestone='{second.n}'].khub-learn-done")
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-marked.png"), full_page=True)

    page.reload()  # same browser context: localStorage kept
    open_learn_tab(page, url)
    progress_is(page, f"1 of {len(expected.steps)} done")  # the path last opened opens again, with its mark
    assert page.locator("#khub-learn-done input[type=checkbox]").nth(1).is_checked()
    assert page.locator("#khub-learn-milestones .khub-learn-done").count() == 1
    assert f"{second.n}. {second.title}" in page.locator("#khub-learn-milestones .khub-learn-done").inner_text()
    assert "1 done" in page.locator(f"#khub-learn-paths [data-path-id='{PHP_PATH}']").inner_text()
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-reloaded.png"), full_page=True)
    context.close()

    fresh = browser.new_context()  # another browser's storage: nothing marked there
    other = fresh.new_page()
    open_learn_tab(other, url)
    assert "0 done" in other.locator(f"#khub-learn-paths [data-path-id='{PHP_PATH}']").inner_text()
    fresh.close()


def text_is(page, elem_id: str, text: str) -> None:
    page.wait_for_function(f"document.querySelector('#{elem_id}')?.innerText?.includes({text!r})", timeout=30_000)


def sign_in_on_review(page) -> None:
    page.get_by_role("tab", name="Review").click()
    field(page, "khub-review-user").fill(REVIEWER[0])
    field(page, "khub-review-password").fill(REVIEWER[1])
    page.locator("#khub-review-login").click()
    text_is(page, "khub-review-whoami", REVIEWER[0])
    page.get_by_role("tab", name="Learn").click()


def click_milestone(page, n: int) -> None:
    page.locator("#khub-learn-done label").nth(n - 1).click()  # the hub path's milestones are numbered 1, 2, ...


def checked_milestones(page) -> list[int]:
    boxes = page.locator("#khub-learn-done input[type=checkbox]")
    return [i + 1 for i in range(boxes.count()) if boxes.nth(i).is_checked()]


def test_a_signed_in_mentors_marks_follow_the_account_to_another_browser(browser, learn_server, request):  # noqa: F811
    from ui.progress_store import ProgressStore

    url, settings = learn_server
    account = f"saved to your account, {REVIEWER[0]}"
    here = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = here.new_page()
    open_learn_tab(page, url)
    text_is(page, "khub-learn-whose", "saved in this browser")
    page.locator("#khub-learn-open label", has_text="PHP").first.click()
    progress_is(page, "0 of 9 done")
    click_milestone(page, 1)  # signed out: kept in this browser
    progress_is(page, "1 of 9 done")

    sign_in_on_review(page)  # the browser's mark joins the account
    text_is(page, "khub-learn-whose", account)
    click_milestone(page, 3)
    progress_is(page, "2 of 9 done")
    assert checked_milestones(page) == [1, 3]
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-signed-in.png"), full_page=True)
    store = ProgressStore(settings.index_dir / "reviews.sqlite")
    assert store.progress(REVIEWER[0]).of(PHP_PATH) == {1, 3}
    page.get_by_role("tab", name="Review").click()
    page.locator("#khub-review-signout").click()
    page.get_by_role("tab", name="Learn").click()
    text_is(page, "khub-learn-whose", "saved in this browser")
    progress_is(page, "0 of 9 done")  # the marks went with the account; none stay behind in this browser
    here.close()

    elsewhere = browser.new_context(viewport={"width": 1280, "height": 1000})  # empty localStorage
    other = elsewhere.new_page()
    open_learn_tab(other, url)
    other.locator("#khub-learn-open label", has_text="PHP").first.click()
    progress_is(other, "0 of 9 done")  # signed out: this browser's own (no) marks
    assert "0 done" in other.locator(f"#khub-learn-paths [data-path-id='{PHP_PATH}']").inner_text()
    other.screenshot(path=str(ARTIFACTS / f"{request.node.name}-elsewhere-signed-out.png"), full_page=True)
    sign_in_on_review(other)
    text_is(other, "khub-learn-whose", account)
    progress_is(other, "2 of 9 done")
    assert checked_milestones(other) == [1, 3]
    assert other.locator("#khub-learn-milestones .khub-learn-done").count() == 2
    assert "2 done" in other.locator(f"#khub-learn-paths [data-path-id='{PHP_PATH}']").inner_text()
    other.screenshot(path=str(ARTIFACTS / f"{request.node.name}-elsewhere-signed-in.png"), full_page=True)
    click_milestone(other, 1)  # unmarked: its row goes
    progress_is(other, "1 of 9 done")  # (the count before was 2 as well: wait for each change to land)
    click_milestone(other, 4)
    progress_is(other, "2 of 9 done")
    assert store.progress(REVIEWER[0]).of(PHP_PATH) == {3, 4}
    elsewhere.close()

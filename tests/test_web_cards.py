"""Archive text as cards in Chromium: search results stay separate cards, a snippet's Copy button copies.

The server runs on the bundled corpus plus one entry built for the purpose (a passage that opens
with a heading and a link list and holds a code block longer than a result's excerpt, so the
excerpt is cut inside the fence; it is one chunk, so that passage is the one shown; gr.HTML fills a
JavaScript template, so it also carries template syntax that must stay text). Screenshots go to
test-artifacts/.
"""

from __future__ import annotations

import shutil

import pytest
from test_web import ARTIFACTS, ROOT, browser, field, free_port, khub_serving  # noqa: F401  (browser is a fixture)

from ingest.load import load_corpus
from khub.settings import Settings
from ui.snippet import split_snippet

QUERY = "recursive query for a category tree"
TREE_ENTRY = """---
id: article/category-tree-walk
kind: article
title: Recursive query for a category tree, step by step
tags: [sql, recursive-cte, tree, category]
---
### Anchor and recursive step

- [SQLite: the WITH clause](https://sqlite.org/lang_with.html)
- [PostgreSQL: WITH queries](https://www.postgresql.org/docs/current/queries-with.html)
- gr.HTML fills a template: ${window.__khubXss='template'} {{constructor.constructor('window.__khubXss=2')()}}

```sql
WITH RECURSIVE tree (id, parent_id, name, depth) AS (
    SELECT id, parent_id, name, 0
    FROM categories
    WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, c.parent_id, c.name, t.depth + 1
    FROM categories AS c
    JOIN tree AS t ON c.parent_id = t.id
)
SELECT id, name, depth
FROM tree
ORDER BY depth, name;
```

"""
CARDS_ARE_SEPARATE = """() => {
    const cards = [...document.querySelectorAll('#khub-results .khub-card')];
    return cards.map(card => ({id: card.dataset.entryId, inCode: !!card.parentElement.closest('pre, code'),
                               inCard: !!card.parentElement.closest('.khub-card'),
                               listed: card.parentElement.classList.contains('khub-results')}));
}"""


@pytest.fixture(scope="module")
def cards_server(tmp_path_factory, bundled_settings):
    from embeddings.pipeline import run_ingest

    root = tmp_path_factory.mktemp("web-cards")
    extra = root / "extra"
    extra.mkdir()
    (extra / "category-tree-walk.md").write_text(TREE_ENTRY)
    # A copy of the bundled index (with its vector cache): only the extra entry is encoded.
    shutil.copytree(bundled_settings.index_dir, root / "index")
    settings = Settings(index_dir=root / "index", corpus_dir=ROOT / "corpus", models_dir=bundled_settings.models_dir)
    run_ingest([ROOT / "corpus", extra], settings, strict=True)
    env = {"KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(settings.models_dir)}
    with khub_serving(env, root / "serve.log") as url:
        yield url


@pytest.fixture
def page(browser, cards_server, request):  # noqa: F811  (clipboard allowed, unlike test_web.py's page)
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1000},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(cards_server)
    page.wait_for_selector("#khub-question textarea", timeout=60_000)
    yield page
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def search(page, text: str) -> None:
    page.get_by_role("tab", name="Search").click()
    box = field(page, "khub-search")
    box.click()
    box.type(text, delay=30)  # as a user types (fill() sends no keystroke Gradio's input event follows)
    page.wait_for_selector("#khub-results .khub-card", timeout=30_000)


def test_results_whose_passages_hold_code_and_headings_stay_separate_cards(page):
    search(page, QUERY)
    page.wait_for_function("document.querySelectorAll('#khub-open label').length > 0", timeout=30_000)
    cards = page.evaluate(CARDS_ARE_SEPARATE)
    options = page.locator("#khub-open label").count()
    assert len(cards) == options >= 5, f"{len(cards)} cards for {options} results: {cards}"
    assert not [card for card in cards if card["inCode"] or card["inCard"] or not card["listed"]], cards
    ids = [card["id"] for card in cards]
    assert "article/category-tree-walk" in ids and "snippet/recursive-cte-hierarchy" in ids, ids
    walk = page.locator("#khub-results .khub-card[data-entry-id='article/category-tree-walk']")
    assert walk.locator("h6").inner_text() == "Anchor and recursive step"  # a small heading inside its card
    assert walk.locator("a").count() == 2 and walk.locator("pre code").count() == 1
    assert "${window.__khubXss='template'}" in walk.inner_text() and page.evaluate("window.__khubXss") is None
    assert "WITH RECURSIVE tree" in walk.locator("pre code").inner_text()  # the excerpt's code, cut and closed
    assert "ORDER BY depth" not in walk.inner_text() and walk.locator(".khub-more").count() == 1
    later = ids[ids.index("article/category-tree-walk") + 1:]
    assert later, f"the cut passage is the last result; nothing shows it cannot swallow the next: {ids}"
    raw = page.locator("#khub-results").inner_text()
    assert "```" not in raw and "### " not in raw and "](http" not in raw  # Markdown rendered, not shown raw


def test_a_snippets_copy_button_puts_its_code_on_the_clipboard(page):
    snippet = next(e for e in load_corpus([ROOT / "corpus" / "snippet"]).entries
                   if e.id == "snippet/recursive-cte-hierarchy")
    expected = split_snippet(snippet.body).code.split("```sql\n")[1].split("```")[0]  # the first block: the schema
    search(page, "walk a category tree of unknown depth with SQL")
    card = page.locator("#khub-results .khub-card[data-entry-id='snippet/recursive-cte-hierarchy']")
    assert card.locator(".khub-language").inner_text() == "sql"
    assert card.locator(".khub-notes summary").inner_text() == "Usage notes"
    button = card.locator(".khub-snippet-code button.khub-copy").first
    button.click()
    page.wait_for_function("[...document.querySelectorAll('button.khub-copy')].some(b => b.textContent === 'Copied')",
                           timeout=5_000)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    card.locator(".khub-notes summary").click()
    assert "Column types must match" in card.locator(".khub-notes").inner_text()


def test_a_snippet_source_card_in_the_ask_tab_is_rendered_with_its_code_ready_to_copy(page):
    page.locator("#khub-question textarea").fill("how should I query an org chart of unknown depth in SQL?")
    page.locator("#khub-question button").last.click()
    page.wait_for_selector("#khub-sources .khub-card", timeout=60_000)
    card = page.locator("#khub-sources .khub-card").first
    assert card.get_attribute("data-entry-id") == "snippet/recursive-cte-hierarchy"
    assert card.locator(".khub-snippet-code button.khub-copy").first.is_visible()
    assert "**" not in card.inner_text() and "```" not in card.inner_text()
    assert "Answered by extractive mode" in page.locator("#khub-chat").inner_text()  # the chat still answers

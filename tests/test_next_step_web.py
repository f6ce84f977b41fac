"""The web chat answers "what should I learn next?" from a learning path, with the path as its source card.

Runs `khub serve` on the bundled corpus in Chromium, with the helpers of tests/test_web.py; the
screenshot goes to test-artifacts/.
"""

from __future__ import annotations

from test_web import ask, browser, page, server  # noqa: F401  (fixtures used by name)


def test_the_chat_names_the_next_milestone_and_shows_the_path_as_its_source(page):  # noqa: F811
    ask(page, "I know PDO; what should I learn next?")
    chat = page.locator("#khub-chat").inner_text()
    assert "milestone 5, Object-oriented PHP and Composer" in chat and "[1]" in chat
    assert "PHP Developer: Zero to Production" in chat
    card = page.locator("#khub-sources .khub-card").first
    assert card.get_attribute("data-entry-id") == "path/php-zero-to-production"
    assert "Object-oriented PHP and Composer" in card.inner_text()

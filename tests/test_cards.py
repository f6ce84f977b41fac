"""Archive text as HTML cards (ui/html.py, ui/cards.py, ui/snippet.py): separate, inert, copy-ready.

HTML is read back with the standard library's parser, element by element with its ancestors, so
the tests check the structure a browser builds (a card inside a <pre> is what swallowed results).
"""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_injection import EVIL, INJECTED
from test_markdown import PIECES
from test_web import EVIL_ENTRY

from assistant.cite import Citation
from assistant.search import Hit
from embeddings.storage import Passage
from ingest.chunk import SEPARATOR
from ingest.entry import Entry
from ingest.load import load_corpus
from ui.cards import entry_card, result_cards, source_cards
from ui.html import ATTRIBUTES, CLASSES, TAGS, code_html, markdown_html
from ui.snippet import split_snippet

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}
CUT_CODE = "```python\n" + "\n".join(f"step_{n} = walk(tree, {n})" for n in range(20))  # no closing fence


class Element:
    def __init__(self, tag: str, attrs: dict, ancestors: tuple["Element", ...]):
        self.tag, self.attrs, self.ancestors, self.text = tag, attrs, ancestors, ""

    def inside(self, *tags: str) -> bool:
        return any(ancestor.tag in tags for ancestor in self.ancestors)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class Tree(HTMLParser):
    """Every element of an HTML fragment, in order, with its ancestors and the text inside it."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), tuple(self.open))
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.elements if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]


def passage(entry_id: str, text: str, section: str = "Overview", title: str = "Walking a category tree",
            kind: str = "article") -> Passage:
    return Passage(entry_id=entry_id, chunk_id=f"{entry_id}#0", title=title, section=section, kind=kind,
                   text=f"{title}{SEPARATOR}{section}\n\n{text}")


def corpus_entry(entry_id: str) -> Entry:
    return next(entry for entry in load_corpus([CORPUS]).entries if entry.id == entry_id)


def test_a_passage_cut_inside_a_fence_is_a_closed_block_and_every_later_result_its_own_card():
    hits = [Hit(passage=passage("article/cut", f"Walk it level by level:\n\n{CUT_CODE}"), score=1.0),
            Hit(passage=passage("article/heading", "### Recursive step\n\n- [CTE docs](https://sqlite.org/lang_with.html)\n"
                                "- [Postgres](https://www.postgresql.org/docs/current/queries-with.html)"), score=0.9),
            Hit(passage=passage("qa/plain", "Use a recursive CTE."), score=0.8)]
    tree = Tree(result_cards(hits, {}))
    cards = tree.find("div", "khub-card")
    assert [card.attrs["data-entry-id"] for card in cards] == ["article/cut", "article/heading", "qa/plain"]
    assert not any(card.inside("pre", "code") for card in cards), "a later card is inside a code block"
    assert all(card.ancestors[-1].classes == {"khub-results"} for card in cards), "a card is inside another card"
    code = tree.find("pre", "khub-code")
    assert len(code) == 1 and "step_0 = walk(tree, 0)" in code[0].text and "step_19" not in code[0].text
    assert "open the entry below" in cards[0].text  # the excerpt says it was cut
    assert "Use a recursive CTE." in cards[2].text and not tree.find("h1") and not tree.find("h3")
    assert [e.text for e in tree.find("h6")] == ["Recursive step"]  # a passage's heading stays inside its card


def test_headings_are_demoted_below_the_cards_own_title():
    tree = Tree(markdown_html("# One\n\n## Two\n\n### Three\n\n#### Four\n\nText."))
    assert [(e.tag, e.text) for e in tree.elements if e.tag.startswith("h")] == [
        ("h4", "One"), ("h5", "Two"), ("h6", "Three"), ("h6", "Four")]


def test_raw_html_shows_as_text_and_links_are_http_only_opened_beside_the_app():
    shown = markdown_html("<b>bold?</b> [docs](https://sqlite.org) [bad](javascript:alert(1)) <https://x.example>")
    tree = Tree(shown)
    assert not tree.find("b") and "<b>bold?</b>" in html.unescape(shown)
    links = tree.find("a")
    assert [(a.attrs["href"], a.attrs["target"], a.attrs["rel"]) for a in links] == [
        ("https://sqlite.org", "_blank", "noopener noreferrer")]


def _inert(fragment: str) -> list[str]:
    """What in the HTML could run or load: foreign tags, handlers, other link schemes, unknown classes."""
    found = []
    for element in Tree(fragment).elements:
        if element.tag not in TAGS:
            found.append(element.tag)
        for name, value in element.attrs.items():
            if name == "class":
                found.extend(c for c in element.classes if c not in CLASSES[element.tag])
            elif name == "href":
                found.extend([value] if not re.match(r"https?://", value or "") else [])
            elif name not in ATTRIBUTES.get(element.tag, set()) | {"rel", "target"}:
                found.append(f"{element.tag} {name}")
    return found


def test_payloads_from_the_injection_tests_never_survive_in_any_card():
    texts = [*INJECTED.values(), EVIL_ENTRY.split("---", 2)[2],
             '<img src=x onerror="alert(1)"><script>alert(2)</script>[x](javascript:alert(3)) ![p](http://evil.example/p)',
             "```html\n<script>alert(4)</script>\n```"]
    for text in texts:
        entry = Entry(id="article/evil", kind="article", title="Evil <script>alert(5)</script>", body=text)
        hit = Hit(passage=passage("article/evil", text, title=entry.title), score=1.0)
        for shown in (markdown_html(text), result_cards([hit], {}), entry_card(entry),
                      source_cards([Citation(n=1, passage=hit.passage)], {"article/evil": entry})):
            assert _inert(shown) == [], shown
            assert EVIL + "/" not in shown.replace(f"{EVIL}/login", "")  # no image address, even as text
            assert not re.search(r"<(script|img|iframe)", shown)  # shown as text: &lt;script&gt;


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_nothing_but_khubs_own_markup_comes_out_of_the_renderer(text):
    assert _inert(markdown_html(text)) == []


def test_code_gets_pygments_classes_a_label_and_a_copy_button_and_copies_exactly():
    code = "  SELECT id\n  FROM employees WHERE name = '<b>';\n"
    tree = Tree(code_html(code, "sql"))
    assert {e.attrs.get("class") for e in tree.find("span")} >= {"k", "khub-lang"}
    assert [b.text for b in tree.find("button", "khub-copy")] == ["Copy"]
    assert tree.find("span", "khub-lang")[0].text == "sql"
    assert tree.find("code")[0].text == code  # what copy.js copies: the code as written
    unknown = Tree(code_html("x := 1", "no-such-language"))
    assert unknown.find("code")[0].text == "x := 1" and unknown.find("button", "khub-copy")


def test_a_snippet_card_has_its_language_badge_code_copy_button_and_usage_notes():
    entry = corpus_entry("snippet/recursive-cte-hierarchy")
    hit = Hit(passage=passage(entry.id, "x", title=entry.title, kind="snippet"), score=1.0)
    for shown in (entry_card(entry), result_cards([hit], {entry.id: entry})):
        tree = Tree(shown)
        assert [e.text for e in tree.find("span", "khub-language")] == ["sql"]
        blocks = [e.text for e in tree.find("code") if e.inside("pre")]
        assert any(block.startswith("WITH RECURSIVE org") for block in blocks)
        code = tree.find("div", "khub-snippet-code")[0]
        assert len([b for b in tree.find("button", "khub-copy") if code in b.ancestors]) == 2  # schema and query
        notes = (tree.find("details", "khub-notes") or tree.find("div", "khub-notes"))[0]
        assert "When to use" in notes.text and "Column types must match" in notes.text
        assert "Self-referencing table traversal" in tree.find("div", "khub-summary")[0].text


def test_every_bundled_snippet_splits_into_summary_code_and_notes():
    for entry in load_corpus([CORPUS / "snippet"]).entries:
        snippet = split_snippet(entry.body)
        assert snippet.summary and snippet.code.count("```") >= 2 and "## When to use" in snippet.notes, entry.id
        assert "## Code" not in snippet.code + snippet.notes and "## Notes" in snippet.notes


def test_a_snippet_written_as_bullets_code_and_example_keeps_the_example_in_its_notes():
    body = ("Nests objects linked to one another.\n\n- Use recursion.\n- Use `filter()`.\n\n"
            "```javascript\nconst nest = (items) => items;\n```\n\n```javascript\nnest([]); // []\n```\n")
    snippet = split_snippet(body)
    assert snippet.summary == "Nests objects linked to one another."
    assert snippet.code == "```javascript\nconst nest = (items) => items;\n```"
    assert "- Use recursion." in snippet.notes and "nest([]); // []" in snippet.notes
    assert snippet.languages == ("javascript",)


def test_a_snippet_source_card_shows_its_code_and_opens_the_whole_entry_with_one_summary():
    entry = corpus_entry("snippet/use-debounce-hook")
    cited = Citation(n=1, passage=passage(entry.id, "React hook for debouncing.", title=entry.title, kind="snippet"))
    tree = Tree(source_cards([cited], {entry.id: entry}))
    visible = [b for b in tree.find("button", "khub-copy") if not b.inside("details")]
    assert visible and [e.text for e in tree.find("span", "khub-language")] == ["javascript", "react"]
    assert [s.text for s in tree.find("summary")] == ["Open the whole entry"]
    assert "Debouncing reduces the number of requests" in tree.find("div", "khub-entry")[0].text

"""The one Markdown reader (assistant.markdown): code kept, images and unsafe links dropped, HTML inert.

The guard, the citation check, the extractive composer and the web app all use it; these tests pin
its rules, and a property test renders what it returns with an HTML-enabled CommonMark renderer
(as a browser-side renderer is) to check that nothing but Markdown's own markup comes out.
"""

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from assistant.cite import Citation, check_citations, split_sentences
from assistant.extractive import compose_answer
from assistant.guard import filter_output
from assistant.markdown import (
    clean_html,
    close_fences,
    drop_images,
    fenced_blocks,
    prose_only,
    safe_markdown,
    strip_markup,
)
from embeddings.storage import Passage
from ui.render import safe_markdown as rendered_markdown


def test_code_is_kept_verbatim_and_html_elsewhere_is_escaped():
    text = "Run `<b>x</b>` first. <script>alert(1)</script>\n\n```html\n<i>kept</i>\n```\n\n~~~\n<u>too</u>\n~~~\n"
    assert safe_markdown(text) == ("Run `<b>x</b>` first. &lt;script&gt;alert(1)&lt;/script&gt;\n\n"
                                   "```html\n<i>kept</i>\n```\n\n~~~\n<u>too</u>\n~~~\n")
    assert rendered_markdown is safe_markdown  # the web app renders with this very function


def test_ordinary_markdown_is_left_as_it_is():
    text = "## Pool size\n\nUse **two** per core [1]. Compare `a < b` and see [the docs](https://docs.example/pool)."
    assert safe_markdown(text) == text


def test_images_become_their_alt_text_wherever_they_are():
    text = "A ![diagram](https://evil.example/t.png) and [![badge](http://evil.example/b.svg)](https://ok.example) " \
           "and ![ref][r]\n\n[r]: https://evil.example/r.png\n\n```\n![in code](x.png)\n```"
    shown = safe_markdown(text, links=False)
    assert shown.startswith("A diagram and badge and ref\n") and "![in code](x.png)" in shown
    assert drop_images("See ![d](https://evil.example/t.png) [1].\n```\n![a](b)\n```") == \
        "See d [1].\n```\n![a](b)\n```"
    assert "evil" not in check_citations("See ![d](https://evil.example/t.png) here [1].", ["p"]).text


def test_only_http_links_are_kept_and_address_in_brackets_is_one_rule():
    text = ("[good](https://owasp.org) [bad](javascript:alert(1)) [pointy](<https://ok.example/a b>) "
            "[pointy bad](<javascript:alert(2)>) [data](data:text/html,x) [ref][r]\n\n[r]: javascript:alert(3)")
    shown = safe_markdown(text)
    assert shown.startswith("[good](https://owasp.org) bad [pointy](<https://ok.example/a%20b>) pointy bad data ref")
    assert "alert(1)" not in shown and "alert(2)" not in shown
    assert safe_markdown(text, links=False).startswith("good bad pointy pointy bad data ref")
    assert strip_markup("[a](<https://ok.example>) [b](https://ok.example)").text == "a b"


def test_removing_one_link_cannot_complete_another():
    assert safe_markdown("[[x](javascript:a)](javascript:b)") == "x"
    assert filter_output("[[x](https://a.example)](javascript:b)").text == "x"


def test_html_the_renderer_would_see_is_escaped_even_where_html_off_reads_a_code_span():
    # Read with HTML off, this is one code span; a renderer with HTML on ends the paragraph at <script>.
    assert safe_markdown("`\n<script>alert(1)</script>`") == "`\n&lt;script&gt;alert(1)&lt;/script&gt;`"
    assert "<script>" not in filter_output("`\n<script>alert(1)</script>`").text


def test_a_fence_left_open_is_closed_so_what_follows_is_not_code():
    assert safe_markdown("```py\nx = '<b>'") == "```py\nx = '<b>'\n```"
    assert close_fences("text\n````\ncode\n") == "text\n````\ncode\n````"
    assert close_fences("> ```\n> quoted") == "> ```\n> quoted"  # the quote ends, and the fence with it
    assert fenced_blocks("Intro.\n\n```python\npool = make_pool(\n    size=10,") == \
        ["```python\npool = make_pool(\n    size=10,\n```"]


def test_an_extractive_answer_from_a_passage_cut_inside_a_fence_does_not_swallow_the_rest():
    passages = [Citation(n=1, passage=Passage(entry_id="snippet/pool", chunk_id="snippet/pool#0",
                                              title="Connection pool", section="Example", kind="snippet",
                                              text="Create one connection pool for the whole application.\n\n"
                                                   "```python\npool = make_pool(\n    size=10,")),
                Citation(n=2, passage=Passage(entry_id="qa/pool-size", chunk_id="qa/pool-size#0", title="Pool size",
                                              section="Answer", kind="qa",
                                              text="Size the pool to twice the database's core count."))]
    answer = "".join(compose_answer("how do I create a connection pool", passages))
    assert "```python\npool = make_pool(\n    size=10,\n```" in answer
    assert "Related entries" in prose_only(answer) and close_fences(answer) == answer


def test_sentences_skip_every_kind_of_fence():
    text = "First claim [1].\n~~~\nx = 1. y = 2\n~~~\nSecond claim [2].\n```\nz. w\n```\nLast one!"
    assert split_sentences(text) == ["First claim [1].", "Second claim [2].", "Last one!"]


def test_the_guard_makes_every_address_inert_even_in_parentheses():
    # An address in parentheses used to stay bare, and a renderer's autolinking made it a link.
    filtered = filter_output("Download it (http://evil.example/fix.sh) now.")
    assert filtered.text == "Download it (`http://evil.example/fix.sh`) now."
    assert any("links" in notice for notice in filtered.removed)


def test_the_guard_leaves_no_html_not_even_a_tag_made_by_removing_another():
    assert filter_output("x <<b>script>alert(1)<</b>/script>").text == "x alert(1)"
    assert filter_output("Shown. <!-- and the rest hidden").text == "Shown. -- and the rest hidden"


def test_html_for_display_keeps_only_khubs_own_tags():
    card = ("<div class='khub-card' data-entry-id='qa/x' onclick='steal()'><b>Title</b><img src=x onerror=alert(1)>"
            "<script>alert(2)</script><a href='javascript:alert(3)'>link</a>"
            "<pre class='khub-passage'>a &lt; b</pre></div>")
    assert clean_html(card) == ('<div class="khub-card" data-entry-id="qa/x"><b>Title</b>link'
                                '<pre class="khub-passage">a &lt; b</pre></div>')


# --- Property: whatever goes in, a renderer gets nothing but Markdown's own markup out --------------------

RENDERER = MarkdownIt("commonmark")  # HTML on, as a browser-side renderer is
RENDERER.validateLink = lambda url: True  # every link it finds is checked below instead
MARKDOWN_TAGS = {"p", "code", "pre", "a", "em", "strong", "h1", "h2", "h3", "h4", "h5", "h6",
                 "ul", "ol", "li", "blockquote", "hr", "br"}
PIECES = ["<", ">", "<img src=x onerror=a()>", "<script>", "`", "```", "~~~", "\n", "\n\n", " ", "[", "]", "(", ")",
          "![", "](", "javascript:a()", "https://ok.example", "http://evil.example/p", "x", "> ", "- ", "    ",
          "<https://a.example>", '"', "[r]: ", "\\", "*", "&lt;", "&#x6a;avascript:a()", '"`" onerror=a()',
          "\n<script>", "<pre>", "</pre>", "<!--", "<?x", "<![CDATA[", "\n```py\n"]


class _Markup(HTMLParser):
    """The tags, attributes and link targets in rendered HTML that Markdown itself would not make."""

    def __init__(self, links: bool):
        super().__init__()
        self.links, self.foreign = links, []

    def handle_starttag(self, tag, attrs):
        if tag not in MARKDOWN_TAGS:
            self.foreign.append(tag)
        for name, value in attrs:
            if tag == "a" and name == "href":
                if not (self.links and re.match(r"https?://", value or "", re.I)):
                    self.foreign.append(value)
            elif (tag, name) not in {("code", "class"), ("a", "title"), ("ol", "start")}:
                self.foreign.append(f"{tag} {name}")


def _foreign(markdown: str, links: bool) -> list:
    found = _Markup(links)
    found.feed(RENDERER.render(markdown))
    return found.foreign


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join), st.booleans())
def test_nothing_but_markdown_comes_out_of_safe_markdown(text, links):
    assert _foreign(safe_markdown(text, links), links) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_nothing_but_markdown_and_no_link_comes_out_of_strip_markup(text):
    assert _foreign(strip_markup(text).text, links=False) == []

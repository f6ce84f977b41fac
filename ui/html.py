"""Archive text as HTML for the web app: the one renderer for every place that shows an entry or a passage.

Markdown from the archive is made inert by ``assistant.markdown.safe_markdown`` (images become
their alt text, links stay only for http(s) addresses, a fence left open by a cut passage is
closed), rendered by markdown-it-py with HTML off (raw HTML shows as text), headings demoted below
the card's own title, fenced code highlighted by Pygments (CSS classes, never inline styles) under
a language label and a Copy button, and then cleaned by nh3 with the tags, attributes and classes
below. Nothing from the archive becomes script: the Copy buttons carry no handler, one delegated
listener in ui/assets/copy.js serves them all. Each fragment is rendered and cleaned on its own,
so nothing one card opens can reach into the next.
"""

from __future__ import annotations

import html
from functools import lru_cache

from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.token import STANDARD_TYPES
from pygments.util import ClassNotFound

from assistant.markdown import clean_html, safe_markdown

HEADING_SHIFT = 3  # "#" -> h4, "##" -> h5, "###" and deeper -> h6: below the page's and the card's own titles
FORMATTER = HtmlFormatter(nowrap=True)  # spans with Pygments' short classes; their colours are in cards.css
# stripnl off: the code is copied exactly as written; startinline: PHP without its "<?php" still highlights.
LEXER_OPTIONS = {"stripnl": False, "ensurenl": False, "startinline": True}

# What the cleaner lets through: Markdown's own blocks (headings only as demoted), khub's card markup
# and the Copy button. Classes are listed per tag: Pygments' token classes and khub's own.
TAGS = {"p", "br", "hr", "h4", "h5", "h6", "strong", "em", "b", "i", "del", "s", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "div", "span", "details", "summary",
        "button"}
ATTRIBUTES = {"a": {"href"}, "ol": {"start"}, "button": {"type"}, "div": {"data-entry-id"}, "details": {"open"}}
KHUB_CLASSES = {"khub-results", "khub-card", "khub-result", "khub-source", "khub-card-head", "khub-card-meta",
                "khub-rank", "khub-title", "khub-kind", "khub-language", "khub-passage", "khub-more", "khub-entry",
                "khub-entry-view", "khub-facts", "khub-error-message", "khub-none", "khub-codeblock", "khub-code-bar",
                "khub-lang", "khub-copy", "khub-code", "khub-snippet", "khub-summary", "khub-snippet-code",
                "khub-notes", "khub-notes-label"}
TOKEN_CLASSES = {name for name in STANDARD_TYPES.values() if name}
CLASSES = {tag: KHUB_CLASSES | (TOKEN_CLASSES if tag == "span" else set()) for tag in TAGS}
NEW_TAB = {"a": {"target": "_blank"}}  # a link opens beside the app, which keeps its conversation


def markdown_html(text: str, links: bool = True) -> str:
    """Markdown from the archive as clean HTML: inert, headings demoted, code highlighted and copyable."""
    return clean(RENDERER.render(safe_markdown(text, links)))


def code_html(code: str, language: str = "") -> str:
    """One code block: highlighted for its language (plain text for one Pygments does not know),
    labelled with it, with a Copy button; the code's text is exactly ``code``."""
    label = html.escape(language or "code")
    highlighted = highlight(code, _lexer(language.lower()), FORMATTER)
    if not code.endswith("\n"):
        highlighted = highlighted.removesuffix("\n")  # the formatter ends the last line; the copy must not
    return (f'<div class="khub-codeblock"><div class="khub-code-bar"><span class="khub-lang">{label}</span>'
            '<button type="button" class="khub-copy">Copy</button></div>'
            f'<pre class="khub-code"><code>{highlighted}</code></pre></div>')


def clean(fragment: str) -> str:
    """HTML for display through nh3: only the tags, attributes and classes above; links open in a new tab."""
    return clean_html(fragment, tags=TAGS, attributes=ATTRIBUTES, classes=CLASSES, added=NEW_TAB)


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer:
    try:
        return get_lexer_by_name(language, **LEXER_OPTIONS) if language else TextLexer(**LEXER_OPTIONS)
    except ClassNotFound:
        return TextLexer(**LEXER_OPTIONS)


def _fence(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    language = token.info.split(maxsplit=1)[0] if token.info.strip() else ""
    return code_html(token.content, language)


def _demoted(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
    token.tag = f"h{min(6, level + HEADING_SHIFT)}"
    return self.renderToken(tokens, idx, options, env)


def _renderer() -> MarkdownIt:
    renderer = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    renderer.add_render_rule("fence", _fence)
    renderer.add_render_rule("code_block", _fence)  # indented code: a block without a language
    renderer.add_render_rule("heading_open", _demoted)
    renderer.add_render_rule("heading_close", _demoted)
    return renderer


RENDERER = _renderer()

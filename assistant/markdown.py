"""Markdown as khub reads it: one parser finds code, images and links; one set of rules makes text inert.

Entry text, pastes and a model's answers are Markdown from outside. The guard, the citation check,
the extractive composer and the web app all ask this module what is code, what is an image or a
link, and what may be shown, so that they cannot drift apart:

    safe_markdown(text, links)  for display: code verbatim, ``<`` ``>`` escaped elsewhere, images -> alt text,
                                only http(s) links (or none); an open fence is closed
    strip_markup(text)          for a model's answer: images -> alt text, HTML tags and links removed,
                                bare addresses made inert code; says what it removed
    drop_images(text)           images -> alt text, nothing else touched
    fenced_blocks(text)         the fenced code blocks, each closed;   prose_only(text)  the text without them
    close_fences(text)          a fence left open at the end closed, so what follows is not swallowed
    clean_html(fragment)        HTML built for display, through nh3 with khub's few tags

Code blocks, code spans, images and links are found by markdown-it-py with their places in the
source, so what is rewritten is what a renderer sees; code is kept verbatim because every renderer
shows it as text. The parser reads HTML as the browser's renderer does (it never renders here):
read with HTML off, "`" + newline + "<script>`" looks like one code span, but a line opening with
``<script>`` starts an HTML block that ends the paragraph first. The one link rule: ``[label](address)``,
``[label](<address>)`` and reference links ``[label][ref]`` are links; a link stays only where
links are wanted and its address is http(s), otherwise it becomes its label. Rewriting repeats
until nothing changes, since removing one link can complete another (``[[x](a)](javascript:b)``)
and escaping can end an HTML block: then no ``<`` outside code is left for a renderer to read as HTML.
Where no parser helps (HTML tags in prose, bare addresses) the patterns are below, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline, backtick, image, link
from markdown_it.token import Token

# A tag, or the opening of a comment, processing instruction, declaration or CDATA section (whose
# text is then plain): all the raw HTML CommonMark knows.
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<[!?]")
# Not after a word or a slash (a path such as /usr/file:1 is not an address); no backtick inside, so
# that wrapping an address in backticks makes one code span.
BARE_URL = re.compile(r"(?<![\w/])(?:https?|ftp|file|javascript|data):[^\s)\]>`]+", re.I)
SAFE_URL = re.compile(r"^https?://", re.I)
NEWLINE = re.compile(r"\r\n?")
MARKUP = re.compile(r"[<>\[`~\r]")  # without one of these, safe_markdown has nothing to change
BACKTICKS = re.compile(r"`+")
MAX_PASSES = 8  # each pass peels one level of nested links; deeper nesting is shown as code
REMOVED_KINDS = ("images", "html", "links")  # what strip_markup reports, in this order
RECORDER = "khub_recorder"  # where, in the parser's env, the recording rules put what they find

# The HTML khub itself builds for display (source cards); nh3 removes anything else.
DISPLAY_TAGS = {"b", "details", "div", "p", "pre", "span", "summary"}
DISPLAY_ATTRIBUTES = {"*": {"class"}, "div": {"data-entry-id"}}


class _AnyLinkParser(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        """Every address is a link to the parser: a javascript: link it refused would stay as text that a
        browser-side renderer may still turn into a link. The rules here decide what is kept."""
        return True


PARSER = _AnyLinkParser("commonmark", {"html": True})  # to see where a renderer would find HTML; see above
PARSER.core.ruler.disable("inline")  # blocks and their places only: _inline_spans reads inside them


@dataclass(frozen=True)
class Span:
    """Code, an image or a link inside one paragraph or heading, as written in the source.

    An image or link reads ``prefix + label + opening + address + closing``: prefix ``[`` or ``![``;
    opening from the label's ``]`` to the address (all of the rest for a reference link); closing
    the title and ``)``.
    """

    kind: str  # "code", "image" or "link"
    start: int
    end: int
    label: str = ""
    opening: str = ""
    address: str = ""
    closing: str = ""
    href: str = ""  # the address as the parser resolved and normalised it

    @property
    def safe(self) -> bool:
        return bool(SAFE_URL.match(self.href))


@dataclass(frozen=True)
class Rules:
    """How one rewriting pass treats prose, images and links (code is always kept).

    ``image`` and ``link`` get the span and its label already rewritten by the same rules.
    """

    prose: Callable[[str], str]
    image: Callable[[Span, str], str]
    link: Callable[[Span, str], str]


@dataclass(frozen=True)
class Stripped:
    """A text with its markup removed, and the kinds removed (of REMOVED_KINDS, in that order)."""

    text: str
    removed: tuple[str, ...]


class _Recorder:
    """Collects the spans the inline rules find in one source string (not in an image's alt text,
    which markdown-it parses again as a separate string)."""

    def __init__(self, source: str):
        self.source = source
        self.spans: list[Span] = []


def _recording(kind: str, rule):
    def record(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        recorder = state.env.get(RECORDER)
        if not silent and isinstance(recorder, _Recorder) and state.src is recorder.source:
            span = _span(kind, state, start, state.tokens[count:])
            if span is not None:
                recorder.spans.append(span)
        return True

    return record


def _install_recorders() -> None:
    for name, kind, rule in (("backticks", "code", backtick), ("image", "image", image), ("link", "link", link)):
        PARSER.inline.ruler.at(name, _recording(kind, rule))


_install_recorders()


def _span(kind: str, state: StateInline, start: int, pushed: list[Token]) -> Span | None:
    """The span a rule has just parsed from ``start`` to ``state.pos``; None for a lone backtick run."""
    end, src = state.pos, state.src
    if kind == "code":
        return Span("code", start, end) if pushed and pushed[-1].type == "code_inline" else None
    opened = next(token for token in pushed if token.type in ("image", "link_open"))
    href = str(opened.attrs.get("src" if kind == "image" else "href", ""))
    bracket = start + 1 if kind == "image" else start
    label_end = state.md.helpers.parseLinkLabel(state, bracket, kind == "link")  # restores state.pos
    label, rest = src[bracket + 1:label_end], src[label_end:end]
    if not rest.startswith("]("):
        return Span(kind, start, end, label, rest, href=href)
    after = rest[2:]
    address_start = label_end + 2 + len(after) - len(after.lstrip(" \t\n"))  # the spaces the parser skips
    found = state.md.helpers.parseLinkDestination(src, address_start, end)
    address_end = found.pos if found.ok else address_start
    return Span(kind, start, end, label, src[label_end:address_start], src[address_start:address_end],
                src[address_end:end], href)


def _inline_spans(source: str, env: dict) -> list[Span]:
    """The outermost code spans, images and links of one run of inline Markdown, in order."""
    recorder = _Recorder(source)
    PARSER.inline.tokenize(StateInline(source, PARSER, {**env, RECORDER: recorder}, []))
    outermost: list[Span] = []
    for span in sorted(recorder.spans, key=lambda s: (s.start, -s.end)):
        if not outermost or span.start >= outermost[-1].end:
            outermost.append(span)
    return outermost


def _regions(text: str, env: dict) -> list[tuple[int, int, str]]:
    """The text cut into ``(start, end, kind)``: "code" (a fenced block), "inline" (a paragraph or
    heading) and "other" (blank lines, list and quote markers, indented code, HTML blocks, definitions)."""
    offsets = [0, *(match.end() for match in re.finditer("\n", text))]
    offsets.append(len(text))
    marked = sorted((offsets[token.map[0]], offsets[min(token.map[1], len(offsets) - 1)],
                     "code" if token.type == "fence" else "inline")
                    for token in PARSER.parse(text, env) if token.type in ("fence", "inline") and token.map)
    regions, position = [], 0
    for start, end, kind in marked:
        if start > position:
            regions.append((position, start, "other"))
        regions.append((start, end, kind))
        position = end
    if position < len(text):
        regions.append((position, len(text), "other"))
    return regions


def _rewrite(text: str, rules: Rules) -> str:
    """One pass over the text: code kept verbatim, prose, images and links as ``rules`` say."""
    env: dict = {}
    pieces = []
    for start, end, kind in _regions(text, env):
        chunk = text[start:end]
        pieces.append(chunk if kind == "code" else _rewrite_inline(chunk, env, rules) if kind == "inline"
                      else rules.prose(chunk))
    return "".join(pieces)


def _rewrite_inline(source: str, env: dict, rules: Rules) -> str:
    pieces, position = [], 0
    for span in _inline_spans(source, env):
        pieces.append(rules.prose(source[position:span.start]))
        if span.kind == "code":
            pieces.append(source[span.start:span.end])
        else:
            label = _rewrite_inline(span.label, env, rules)
            pieces.append(rules.image(span, label) if span.kind == "image" else rules.link(span, label))
        position = span.end
    pieces.append(rules.prose(source[position:]))
    return "".join(pieces)


def _settle(text: str, rules: Rules) -> str:
    """Rewrite until nothing changes; text that keeps changing is shown whole as code."""
    for _ in range(MAX_PASSES):
        rewritten = _rewrite(text, rules)
        if rewritten == text:
            return text
        text = rewritten
    return as_code(text)


def as_code(text: str) -> str:
    """The text as one fenced block that nothing inside it can close (a paste shown as printed)."""
    fence = "`" * max(3, 1 + max((len(run) for run in BACKTICKS.findall(text)), default=0))
    return f"{fence}text\n{text}\n{fence}"


# --- For display -------------------------------------------------------------------------------


def safe_markdown(text: str, links: bool = True) -> str:
    """Markdown whose HTML cannot run: escaped outside code, no images, only http(s) links (or none)."""
    def link(span: Span, label: str) -> str:
        if not (links and span.safe):
            return label
        # An address written <like this> keeps its brackets, normalised so nothing in it reads as HTML.
        address = f"<{span.href}>" if span.address.startswith("<") else _escape(span.address)
        return f"[{label}{_escape(span.opening)}{address}{_escape(span.closing)}"

    if not MARKUP.search(text):
        return text  # most titles, sections and short lines: nothing to parse
    # Settled, because escaping can make a link of what was not one (![](<x) -> ![](&lt;x)) and end an
    # HTML block; closed last, since ending an HTML block can open a fence.
    return close_fences(_settle(normalise(text), Rules(_escape, _alt, link)))


def clean_html(fragment: str, tags: set[str] = DISPLAY_TAGS, attributes: dict[str, set[str]] = DISPLAY_ATTRIBUTES,
               classes: dict[str, set[str]] | None = None, added: dict[str, dict[str, str]] | None = None) -> str:
    """HTML built for display with nothing that can run: only khub's own tags and attributes survive,
    links only to http(s). A renderer with more tags passes its own ``tags`` and ``attributes``, the
    ``classes`` each tag may carry, and attribute values ``added`` to every such tag (nh3's options)."""
    return nh3.clean(fragment, tags=tags, attributes=attributes, url_schemes={"http", "https"},
                     allowed_classes=classes, set_tag_attribute_values=added)


# --- For a model's answer and for passages -------------------------------------------------------


def strip_markup(text: str) -> Stripped:
    """Images made their alt text, HTML tags removed, links made their label and bare addresses
    inert code (``http://x`` -> `` `http://x` ``), all outside code; and which kinds were there."""
    found: set[str] = set()

    def prose(piece: str) -> str:
        if HTML_TAG.search(piece):
            found.add("html")
            piece = HTML_TAG.sub("", piece)
        return BARE_URL.sub(code_address, piece)

    def code_address(match: re.Match) -> str:
        if match.string[match.start() - 1:match.start()] == "`" == match.string[match.end():match.end() + 1]:
            return match.group(0)  # already made code (outside a paragraph, the parser does not say so)
        found.add("links")
        return f"`{match.group(0)}`"

    def image(span: Span, label: str) -> str:
        found.add("images")
        return label

    def link(span: Span, label: str) -> str:
        found.add("links")
        return label

    stripped = _settle(normalise(text), Rules(prose, image, link))
    return Stripped(stripped, tuple(kind for kind in REMOVED_KINDS if kind in found))


def drop_images(text: str) -> str:
    """The text with every image (outside code) replaced by its alt text: no remote picture loads."""
    return _settle(normalise(text), Rules(_same, _alt, _link_as_written))


def fenced_blocks(text: str) -> list[str]:
    """The fenced code blocks of the text, in order, each closed (a passage cut inside one still
    ends it) and without the quote or list markers around it."""
    return [_closed(token) for token in PARSER.parse(normalise(text)) if token.type == "fence"]


def prose_only(text: str) -> str:
    """The text with each fenced code block replaced by an empty line (nothing reads across it)."""
    text = normalise(text)
    return "".join("\n" if kind == "code" else text[start:end] for start, end, kind in _regions(text, {}))


def close_fences(text: str) -> str:
    """The text with a fence left open at its end closed, so that what is appended is not code.

    Only a top-level fence can run on into appended text: a quote or list ends at the next
    unindented line, and so does a fence inside it.
    """
    text = normalise(text)
    fences = [token for token in PARSER.parse(text) if token.type == "fence" and token.level == 0]
    if not fences or _is_closed(fences[-1], text.split("\n")):
        return text
    return text + ("" if text.endswith("\n") else "\n") + fences[-1].markup


def normalise(text: str) -> str:
    """Line breaks as ``\\n`` (the parser counts a lone ``\\r`` as one, so places must agree)."""
    return NEWLINE.sub("\n", text)


def _is_closed(fence: Token, lines: list[str]) -> bool:
    first, end = fence.map or (0, 0)
    closing = re.compile(rf" {{0,3}}{re.escape(fence.markup[0])}{{{len(fence.markup)},}}[ \t]*")
    return end - 1 > first and bool(closing.fullmatch(lines[end - 1]))


def _closed(fence: Token) -> str:
    content = fence.content if not fence.content or fence.content.endswith("\n") else fence.content + "\n"
    return f"{fence.markup}{fence.info}\n{content}{fence.markup}"


def _same(text: str) -> str:
    return text


def _alt(span: Span, label: str) -> str:
    return label


def _link_as_written(span: Span, label: str) -> str:
    return f"[{label}{span.opening}{span.address}{span.closing}"


def _escape(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")

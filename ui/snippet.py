"""A snippet entry read as what it does, its copy-ready code, and the notes on using it.

How snippets are written: khub's own open with a paragraph on what the code does, then the
sections "When to use", "Code", "Usage" and "Notes"; imported ones (30-seconds-of-code style) open
with that paragraph, then bullet notes, the code in a fenced block and a usage example in another.
So, for any snippet:

    summary  the opening paragraph
    code     the section headed "Code" (its captions and blocks), else the first fenced block
    notes    everything else, in its order (an example stays beside the prose that explains it)

The parts are cut from the body at block boundaries that markdown-it-py finds, so each is Markdown
that reads whole (a heading inside a fenced block is not a heading).
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from assistant.markdown import normalise

CODE_HEADINGS = {"code"}  # the section that holds the copy-ready code, as khub's snippets name it
PARSER = MarkdownIt("commonmark")


@dataclass(frozen=True)
class Snippet:
    """A snippet's body in its three parts, each Markdown (any may be empty)."""

    summary: str
    code: str
    notes: str

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages its code blocks are marked with, in order, once each."""
        found = [token.info.split(maxsplit=1)[0] for token in PARSER.parse(self.code)
                 if token.type == "fence" and token.info.strip()]
        return tuple(dict.fromkeys(found))


def split_snippet(body: str) -> Snippet:
    """The snippet's summary, code and usage notes (see the module's docstring)."""
    text = normalise(body)
    lines = text.split("\n")
    tokens = PARSER.parse(text)
    summary = _opening_paragraphs(tokens)
    code, taken = _code_lines(tokens, len(lines))
    used = set(range(*summary)) if summary else set()
    used |= set(range(*taken)) if taken else set()
    notes = [line for number, line in enumerate(lines) if number not in used]
    return Snippet(summary="\n".join(lines[slice(*summary)]) if summary else "",
                   code="\n".join(lines[slice(*code)]).strip("\n") if code else "",
                   notes="\n".join(notes).strip("\n"))


def _opening_paragraphs(tokens: list[Token]) -> tuple[int, int] | None:
    """The lines of the paragraphs the body opens with, before any list, heading or code."""
    spans: list[tuple[int, int]] = []
    for token in tokens:
        if token.level != 0 or token.nesting < 0 or not token.map:
            continue
        if token.type != "paragraph_open":
            break
        spans.append((token.map[0], token.map[1]))
    return (spans[0][0], spans[-1][1]) if spans else None


def _code_lines(tokens: list[Token], end: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The lines of the code, and the lines it takes from the body (with its section's heading)."""
    for index, token in enumerate(tokens):
        if (token.type == "heading_open" and token.level == 0 and token.map
                and tokens[index + 1].content.strip().lower() in CODE_HEADINGS):
            stop = next((later.map[0] for later in tokens[index + 1:] if later.type == "heading_open"
                         and later.level == 0 and later.map and later.tag <= token.tag), end)
            return (token.map[1], stop), (token.map[0], stop)
    fence = next((token for token in tokens if token.type == "fence" and token.level == 0 and token.map), None)
    if fence is None or fence.map is None:
        return None, None
    span = (fence.map[0], fence.map[1])
    return span, span

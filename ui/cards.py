"""Archive entries as cards for the web app: search results, cited sources, snippets and a whole entry.

Every card is built from escaped values and text rendered by ui/html.py, and cleaned on its own,
so a passage cut anywhere cannot open something that swallows the next card. Snippets show as
snippet cards: language badges, the highlighted code with its Copy button, and the usage notes
(ui/snippet.py says which part is which).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from assistant.cite import Citation
from assistant.search import Hit
from embeddings.storage import Passage
from ingest.chunk import SEPARATOR
from ingest.entry import Entry
from ui.html import clean, code_html, markdown_html
from ui.snippet import split_snippet

EXCERPT_LINES = 12  # a search result shows this much of its passage; the whole entry opens below the list


def result_cards(hits: Sequence[Hit], entries: Mapping[str, Entry | None]) -> str:
    """Search results as a list of cards, one per hit: rank, title, kind, id, section and the passage
    (for a snippet: its summary, code and usage notes)."""
    cards = [_result_card(rank, hit.passage, entries.get(hit.passage.entry_id))
             for rank, hit in enumerate(hits, start=1)]
    return f'<div class="khub-results">{"".join(cards)}</div>'


def source_cards(citations: Sequence[Citation], entries: Mapping[str, Entry | None]) -> str:
    """One card per cited passage: number, title, kind, id, section, the passage (a snippet's code
    with it), and the whole entry on demand."""
    if not citations:
        return "<p class='khub-none'>No sources for this answer.</p>"
    return "\n".join(_source_card(citation, entries.get(citation.passage.entry_id)) for citation in citations)


def entry_card(entry: Entry) -> str:
    """A whole entry: title, facts, error message and body (a snippet as summary, code and notes)."""
    facts = " · ".join(fact for fact in [entry.kind, entry.level or "", ", ".join(entry.tags)] if fact)
    message = (f'<div class="khub-error-message"><b>Error message</b>{code_html(entry.error_message)}</div>'
               if entry.error_message else "")
    return clean(f'<div class="khub-entry-view" data-entry-id="{_attr(entry.id)}">'
                 f'<h4 class="khub-title">{html.escape(entry.title)}</h4>'
                 f'<div class="khub-facts"><code>{html.escape(entry.id)}</code> · {html.escape(facts)} '
                 f'{_languages(entry)}</div>{message}{entry_body(entry, collapsed=False)}</div>')


def entry_body(entry: Entry, collapsed: bool) -> str:
    """An entry's body as HTML; a snippet's usage notes folded away when ``collapsed``."""
    return snippet_body(entry, collapsed) if entry.kind == "snippet" else markdown_html(entry.body)


def snippet_body(entry: Entry, collapsed: bool) -> str:
    """A snippet card's body: what the code does, the code (highlighted, each block with a Copy
    button) and the usage notes, folded away when ``collapsed``."""
    snippet = split_snippet(entry.body)
    notes = markdown_html(snippet.notes) if snippet.notes.strip() else ""
    if notes:
        notes = (f'<details class="khub-notes"><summary>Usage notes</summary>{notes}</details>' if collapsed
                 else f'<div class="khub-notes"><p class="khub-notes-label">Usage notes</p>{notes}</div>')
    return (f'<div class="khub-snippet"><div class="khub-summary">{markdown_html(snippet.summary)}</div>'
            f'<div class="khub-snippet-code">{markdown_html(snippet.code)}</div>{notes}</div>')


def passage_text(passage: Passage) -> str:
    """A passage without the "title › section" line it starts with (the card shows both)."""
    prefix = f"{passage.title}{SEPARATOR}{passage.section}\n\n"
    return passage.text[len(prefix):] if passage.text.startswith(prefix) else passage.text


def excerpt(text: str, lines: int = EXCERPT_LINES) -> tuple[str, bool]:
    """The first ``lines`` lines of the text, and whether anything was cut (a fence cut open is
    closed when rendered)."""
    kept = text.strip("\n").split("\n")
    return "\n".join(kept[:lines]), len(kept) > lines


def _result_card(rank: int, passage: Passage, entry: Entry | None) -> str:
    if entry is not None and entry.kind == "snippet":
        body = snippet_body(entry, collapsed=True)
    else:
        shown, cut = excerpt(passage_text(passage))
        more = '<p class="khub-more">… open the entry below to read on</p>' if cut else ""
        body = f'<div class="khub-passage">{markdown_html(shown)}{more}</div>'
    return clean(f'<div class="khub-card khub-result" data-entry-id="{_attr(passage.entry_id)}">'
                 f'{_head(f"{rank}.", passage, entry)}{_meta(passage)}{body}</div>')


def _source_card(citation: Citation, entry: Entry | None) -> str:
    passage = citation.passage
    code = ""
    if entry is not None and entry.kind == "snippet":
        code = f'<div class="khub-snippet-code">{markdown_html(split_snippet(entry.body).code)}</div>'
    whole = ("<details><summary>Open the whole entry</summary>"
             f'<div class="khub-entry">{entry_body(entry, collapsed=False)}</div></details>') if entry else ""
    return clean(f'<div class="khub-card khub-source" data-entry-id="{_attr(passage.entry_id)}">'
                 f'{_head(f"[{citation.n}]", passage, entry)}{_meta(passage)}'
                 f'<div class="khub-passage">{markdown_html(passage_text(passage))}</div>{code}{whole}</div>')


def _head(number: str, passage: Passage, entry: Entry | None) -> str:
    kind = entry.kind if entry else passage.kind
    return (f'<div class="khub-card-head"><span class="khub-rank">{html.escape(number)}</span> '
            f'<b class="khub-title">{html.escape(passage.title)}</b> <span class="khub-kind">{html.escape(kind)}</span>'
            f'{_languages(entry) if entry else ""}</div>')


def _meta(passage: Passage) -> str:
    return (f'<div class="khub-card-meta"><code>{html.escape(passage.entry_id)}</code> › '
            f'{html.escape(passage.section)}</div>')


def _languages(entry: Entry) -> str:
    """Language badges: the entry's languages, else (a snippet) those its code is marked with."""
    languages = entry.languages or (split_snippet(entry.body).languages if entry.kind == "snippet" else ())
    return "".join(f' <span class="khub-language">{html.escape(language)}</span>' for language in languages)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)

"""Render answers, sources, results and entries for the web app, inert.

Entry text and pasted text come from outside: none of their HTML may run. Markdown goes through
``assistant.markdown.safe_markdown`` (code kept as written, ``<`` and ``>`` escaped elsewhere, images
dropped to their alt text, links kept only for http(s) addresses); the source cards' HTML is built
with every value escaped and then cleaned by nh3 (``assistant.markdown.clean_html``). Gradio's own
sanitiser runs as well; this does not rely on it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from assistant.answer import EXTRACTIVE, Answer
from assistant.cite import Citation
from assistant.diagnose.parsers import parse_errors
from assistant.markdown import as_code, clean_html, safe_markdown
from assistant.search import Hit
from ingest.entry import Entry

MODEL_HINT = "set `KHUB_MODEL` (`local`, or a litellm model such as `openai/gpt-4o-mini`) for a language model"


def question_markdown(text: str) -> str:
    """The user's turn in the chat: pasted error output (several lines holding an error khub
    recognises) as a code block, kept as printed; anything else as inert Markdown."""
    if "\n" in text.strip() and any(error.ecosystem != "unknown" for error in parse_errors(text)):
        return as_code(text)
    return safe_markdown(text)


def answer_markdown(answer: Answer) -> str:
    """The answer for the chat: no links (its sources carry them), unsupported sentences marked, the mode."""
    text = safe_markdown(answer.text, links=False)
    for sentence in answer.unsupported_sentences:
        shown = safe_markdown(sentence, links=False)
        text = text.replace(shown, f"{shown} ⚠️ *not supported by the cited passages*", 1)
    mode = ("extractive mode (no language model; " + MODEL_HINT + ")" if answer.mode == EXTRACTIVE
            else f"model `{answer.mode}`")
    notices = "".join(f"\n\n> ⚠️ {safe_markdown(notice)}" for notice in answer.notices)
    return f"{text}{notices}\n\n*Answered by {mode}.*"


def source_cards(citations: Sequence[Citation], entries: Mapping[str, Entry | None]) -> str:
    """One card per cited passage: title, kind, section, the passage, and the whole entry on demand."""
    if not citations:
        return "<p class='khub-none'>No sources for this answer.</p>"
    cards = []
    for citation in citations:
        passage = citation.passage
        entry = entries.get(passage.entry_id)
        kind = entry.kind if entry else ""
        whole = ("<details><summary>Open the whole entry</summary>"
                 f"<pre class='khub-entry'>{html.escape(entry.body)}</pre></details>") if entry else ""
        cards.append(
            f"<div class='khub-card' data-entry-id='{html.escape(passage.entry_id, quote=True)}'>"
            f"<div class='khub-card-head'><b>[{citation.n}] {html.escape(passage.title)}</b> "
            f"<span class='khub-kind'>{html.escape(kind)}</span></div>"
            f"<div class='khub-card-meta'>{html.escape(passage.entry_id)} › {html.escape(passage.section)}</div>"
            f"<pre class='khub-passage'>{html.escape(passage.text)}</pre>{whole}</div>"
        )
    return clean_html("\n".join(cards))


def results_markdown(query: str, hits: Sequence[Hit]) -> str:
    """Search results: title, id, kind, section and the matching passage, shortened."""
    if not query.strip():
        return ""
    if not hits:
        return f"No entries match *{safe_markdown(query)}*. Try other words or drop a filter."
    lines = []
    for rank, hit in enumerate(hits, start=1):
        found = hit.passage
        passage = " ".join(found.text.split())
        passage = passage[:280] + (" …" if len(passage) > 280 else "")
        lines.append(f"**{rank}. {safe_markdown(found.title)}**  \n"
                     f"`{found.entry_id}` · {found.kind} · {safe_markdown(found.section)}  \n{safe_markdown(passage)}")
    return "\n\n".join(lines)


def entry_markdown(entry: Entry | None) -> str:
    """A whole entry: title, facts, error message, and its body."""
    if entry is None:
        return ""
    facts = " · ".join(fact for fact in [entry.kind, entry.level or "", ", ".join(entry.languages),
                                          ", ".join(entry.tags)] if fact)
    message = f"\n\n**Error message:** {safe_markdown(entry.error_message)}" if entry.error_message else ""
    return (f"## {safe_markdown(entry.title)}\n\n`{entry.id}` · {safe_markdown(facts)}{message}\n\n"
            f"{safe_markdown(entry.body)}")

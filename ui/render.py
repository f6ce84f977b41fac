"""Render answers, sources, results and entries for the web app, inert.

Entry text and pasted text come from outside: none of their HTML may run. The chat's Markdown goes
through ``assistant.markdown.safe_markdown`` (code kept as written, ``<`` and ``>`` escaped elsewhere,
images dropped to their alt text, links kept only for http(s) addresses) and Gradio renders it.
Archive text everywhere else (search results, source cards, the opened entry) is HTML from the one
renderer in ui/html.py, as cards (ui/cards.py): the same rules, then markdown-it-py with HTML off,
highlighted code and nh3. Gradio's gr.HTML does not sanitise; nh3 is what guarantees it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from assistant.answer import EXTRACTIVE, Answer
from assistant.cite import Citation
from assistant.diagnose.parsers import parse_errors
from assistant.markdown import as_code, safe_markdown
from assistant.search import Hit
from ingest.entry import Entry
from ui import cards

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
    return cards.source_cards(citations, entries)


def results_html(query: str, hits: Sequence[Hit], entries: Mapping[str, Entry | None]) -> str:
    """Search results as separate cards (``entries``: the hits' entries, for snippet cards and badges)."""
    if not query.strip():
        return ""
    if not hits:
        return (f"<p class='khub-none'>No entries match <i>{html.escape(query)}</i>. "
                "Try other words or drop a filter.</p>")
    return cards.result_cards(hits, entries)


def entry_html(entry: Entry | None) -> str:
    """A whole entry: title, facts, error message, and its body (a snippet as a snippet card)."""
    return cards.entry_card(entry) if entry is not None else ""

"""The "What's new" tab: the entries the latest ingests added or changed, newest first, from the ingest history."""

from __future__ import annotations

import html
from datetime import datetime

import gradio as gr

from assistant.markdown import clean_html
from embeddings.history import FILE_NAME, Change, IngestHistory
from ui.services import Services

SHOWN = 25  # newest entries listed


def new_tab(services: Services, tab: gr.Tab) -> None:
    """The listing, read again each time ``tab`` is opened or Refresh is clicked."""
    settings = services.settings
    history = IngestHistory(settings.index_dir / FILE_NAME) if settings is not None else None
    listing = gr.HTML(whats_new_html(history), elem_id="khub-new")
    refresh = gr.Button("Refresh", size="sm", elem_id="khub-new-refresh")
    for trigger in (tab.select, refresh.click):
        trigger(lambda: whats_new_html(history), None, listing, api_visibility="private")


def whats_new_html(history: IngestHistory | None) -> str:
    """The newest entries added or changed, then those removed, as inert HTML."""
    if history is None:
        return "<p class='khub-none'>This app was started without its index folder, so it has no ingest history.</p>"
    found = history.whats_new(limit=SHOWN)
    if found.began is None:
        return ("<p class='khub-none'>This index was built before khub kept an ingest history, so it cannot say "
                "what is new yet. The next <b>khub ingest</b> that adds, changes or removes an entry "
                "starts it.</p>")
    if not found.updated and not found.removed:
        return "<p class='khub-none'>Nothing was added, changed or removed yet.</p>"
    parts = [f"<p class='khub-card-meta'>Entries added or changed, newest first (at most {SHOWN}; the history "
             f"begins {html.escape(_day(found.began))}). On the command line: <b>khub new</b>.</p>"]
    parts += [_row(change) for change in found.updated]
    if found.removed:
        parts.append("<details><summary>Removed</summary>" + "".join(_row(change) for change in found.removed)
                     + "</details>")
    return clean_html("\n".join(parts))


def _row(change: Change) -> str:
    title = html.escape(change.title or "(title unknown)")
    return (f"<div class='khub-new-row' data-entry-id='{html.escape(change.entry_id, quote=True)}'>"
            f"<span class='khub-kind khub-{html.escape(change.change)}'>{html.escape(change.change)}</span> "
            f"<b>{title}</b> <span class='khub-card-meta'>{html.escape(change.entry_id)} · "
            f"{html.escape(change.kind)} · {html.escape(_day(change.at))}</span></div>")


def _day(moment: str) -> str:
    return datetime.fromisoformat(moment).astimezone().strftime("%Y-%m-%d %H:%M")

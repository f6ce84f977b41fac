"""The Search tab: results as you type (debounced per session), and any result opened whole."""

from __future__ import annotations

import threading
import time

import gradio as gr

from ui import render
from ui.services import Services
from ui.tabs.filters import as_filters, filter_inputs
from ui.tabs.suggest import suggest_box
from ui.web_limits import check_limits

SEARCH_DEBOUNCE = 0.25  # seconds without typing before a search runs


def search_tab(services: Services) -> None:
    query = gr.Textbox(label="Search", placeholder="Start typing: results follow", elem_id="khub-search")
    kind, language, level = filter_inputs()
    # Cards as HTML from ui/cards.py (cleaned by nh3); no click handler of Gradio's own on them.
    results = gr.HTML(elem_id="khub-results", js_on_load=None)
    chosen = gr.Radio([], label="Open an entry", elem_id="khub-open")
    entry = gr.HTML(elem_id="khub-entry", js_on_load=None)
    suggest_box(services, chosen)
    latest: dict[str | None, float] = {}  # by session; calls without one share a slot
    lock = threading.Lock()

    def search_as_you_type(text, kind_, language_, level_, request: gr.Request):
        # Debounce: a keystroke's search runs only if no newer keystroke came within SEARCH_DEBOUNCE.
        stamp = time.monotonic()
        with lock:
            latest[request.session_hash] = stamp
        time.sleep(SEARCH_DEBOUNCE)
        with lock:
            if latest.get(request.session_hash) != stamp:
                return gr.skip(), gr.skip()
        check_limits(services, "search", request, text or "")  # counted when a search runs, not per keystroke
        hits = services.searcher.search(text or "", top_k=10, filters=as_filters(kind_, language_, level_))
        choices = [(f"{hit.passage.title} — {hit.passage.entry_id}", hit.passage.entry_id) for hit in hits]
        entries = {hit.passage.entry_id: services.searcher.entry(hit.passage.entry_id) for hit in hits}
        return render.results_html(text or "", hits, entries), gr.Radio(choices=choices, value=None)

    inputs = [query, kind, language, level]
    for trigger in (query.input, kind.change, language.input, level.change):
        trigger(search_as_you_type, inputs, [results, chosen], api_visibility="private", trigger_mode="multiple",
                show_progress="hidden")
    chosen.change(lambda entry_id: render.entry_html(services.searcher.entry(entry_id) if entry_id else None),
                  chosen, entry, api_visibility="private")

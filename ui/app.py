"""The web app (``khub serve``): chat with cited sources, instant search, and mentor review.

A thin client of the library: every handler calls Assistant, Searcher, Diagnoser or ReviewStore
and renders the result with ui/render.py. The same features are public over Gradio's API as
``/ask``, ``/diagnose`` and ``/search`` (JSON in the shapes of the CLI's ``--json``); the UI's own
events are private. Answers run in their own queue, so search stays fast while a model writes.
"""

from __future__ import annotations

import gradio as gr

from assistant.answer import Assistant
from ui import api, render
from ui.services import Services
from ui.tabs.ask import ANSWER_CONCURRENCY, ask_tab
from ui.tabs.review import review_tab
from ui.tabs.search import search_tab

CSS = """
.khub-card {border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 12px; margin: 6px 0;}
.khub-kind {font-size: 0.8em; padding: 1px 6px; border-radius: 6px; background: var(--background-fill-secondary);}
.khub-card-meta {font-size: 0.85em; opacity: 0.8;}
.khub-passage, .khub-entry {white-space: pre-wrap; font-size: 0.85em; max-height: 16em; overflow: auto;}
"""


def build_app(services: Services) -> gr.Blocks:
    """The whole app: Ask, Search and Review tabs, and the public API."""
    with gr.Blocks(title="khub — engineering knowledge hub") as app:
        # The public API first, so its stable names are taken before any UI event is named.
        gr.api(api.ask_endpoint(services), api_name="ask", concurrency_limit=ANSWER_CONCURRENCY,
               concurrency_id="answers")
        gr.api(api.diagnose_endpoint(services), api_name="diagnose")
        gr.api(api.search_endpoint(services), api_name="search")
        gr.Markdown("# khub\nAsk the archive, paste an error, or search it. "
                    f"Answers: **{_mode_line(services.assistant)}**")
        with gr.Tab("Ask", id="ask"):
            ask_tab(services)
        with gr.Tab("Search", id="search"):
            search_tab(services)
        with gr.Tab("Review", id="review"):
            review_tab(services)
    return app


def _mode_line(assistant: Assistant) -> str:
    model = assistant.config.model
    return ("extractive mode (no language model; " + render.MODEL_HINT + ")" if model == "extractive"
            else f"model {model}")

"""The web app (``khub serve``): chat with cited sources, instant search, and mentor review.

A thin client of the library: every handler calls Assistant, Searcher, Diagnoser or ReviewStore
and renders the result with ui/render.py. The same features are public over Gradio's API as
``/ask``, ``/diagnose`` and ``/search`` (JSON in the shapes of the CLI's ``--json``); the UI's own
events are private. Answers run in their own queue, so search stays fast while a model writes.
"""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from assistant.answer import Assistant
from ui import api, render
from ui.services import Services
from ui.tabs.ask import ANSWER_CONCURRENCY, ask_tab
from ui.tabs.learn import learn_tab
from ui.tabs.new import new_tab
from ui.tabs.review import review_tab
from ui.tabs.search import search_tab

ASSETS = Path(__file__).parent / "assets"  # every *.css and *.js here is loaded into the page, in name order



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
        session = gr.State(None)  # the MentorSession the Review tab signs in (ui/mentor_session.py); Learn reads it
        with gr.Tab("Ask", id="ask"):
            ask_tab(services)
        with gr.Tab("Search", id="search"):
            search_tab(services)
        with gr.Tab("Learn", id="learn"):
            learn_tab(services, session)
        with gr.Tab("What's new", id="new") as new:
            new_tab(services, new)
        with gr.Tab("Review", id="review"):
            review_tab(services, session)
    return app


def _mode_line(assistant: Assistant) -> str:
    model = assistant.config.model
    return ("extractive mode (no language model; " + render.MODEL_HINT + ")" if model == "extractive"
            else f"model {model}")


def assets(suffix: str) -> str:
    """The app's own stylesheets (``.css``) or scripts (``.js``) from ui/assets, joined in name order.

    Scripts are khub's own code, loaded once with the page; nothing from the archive or a user ever
    becomes script (rendered text is cleaned by nh3, see assistant/markdown.py).
    """
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(ASSETS.glob(f"*{suffix}")))

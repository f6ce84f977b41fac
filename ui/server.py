"""Assemble the app's services from settings and run the Gradio server."""

from __future__ import annotations

import khub  # noqa: F401  (GRADIO_ANALYTICS_ENABLED=False before gradio is imported)
from assistant.answer import Assistant
from assistant.diagnose import Diagnoser
from assistant.llm import ModelConfig
from assistant.search import open_searcher
from khub.settings import Settings
from ui.reviews import FILE_NAME, ReviewStore

QUEUE_SIZE = 64  # requests waiting beyond this are refused with a clear message, not piled up


def open_services(settings: Settings, review_login: tuple[str, str] | None = None):
    """One searcher, diagnoser, assistant and review store over the live index."""
    from ui.services import Services

    searcher = open_searcher(settings)
    diagnoser = Diagnoser(searcher)
    assistant = Assistant(searcher, diagnoser, encode=searcher.encode_texts, config=ModelConfig.from_settings(settings),
                          refuse_below=settings.refuse_below)
    reviews = ReviewStore(settings.review_db or settings.index_dir / FILE_NAME)
    return Services(searcher, diagnoser, assistant, reviews, review_login, settings=settings)


def serve(services, host: str, port: int, block: bool = True):
    """Launch the app; with ``block=False`` return at once (tests)."""
    from ui.app import assets, build_app

    app = build_app(services)
    app.queue(default_concurrency_limit=8, max_size=QUEUE_SIZE)
    app.launch(server_name=host, server_port=port, prevent_thread_lock=not block, quiet=True, show_error=False,
               css=assets(".css"), head=_scripts(), footer_links=["api"])
    return app


def _scripts() -> str:
    """ui/assets/*.js as script tags for the page's head (Gradio's ``js=`` takes one function only)."""
    from ui.app import assets

    code = assets(".js")
    return f"<script>\n{code}\n</script>" if code.strip() else ""

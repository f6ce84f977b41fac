"""Assemble the app's services from settings and run the Gradio server."""

from __future__ import annotations

import khub  # noqa: F401  (GRADIO_ANALYTICS_ENABLED=False before gradio is imported)
from assistant.answer import Assistant
from assistant.diagnose import Diagnoser
from assistant.llm import ModelConfig
from assistant.search import open_searcher
from khub.settings import Settings, trust_proxies
from ui.accounts import MentorAccounts
from ui.client_limits import ClientLimits, LimitSettings
from ui.mentor_session import MentorGate
from ui.options import review_db
from ui.reviews import ReviewStore
from ui.throttle import SignInThrottle

QUEUE_SIZE = 64  # requests waiting beyond this are refused with a clear message, not piled up


def open_services(settings: Settings, review_login: tuple[str, str] | None = None):
    """One searcher, diagnoser, assistant and review store over the live index."""
    from ui.services import Services

    searcher = open_searcher(settings)
    diagnoser = Diagnoser(searcher)
    assistant = Assistant(searcher, diagnoser, encode=searcher.encode_texts, config=ModelConfig.from_settings(settings),
                          refuse_below=settings.refuse_below)
    reviews = ReviewStore(review_db(settings))
    return Services(searcher, diagnoser, assistant, reviews, review_login, settings=settings,
                    mentors=mentor_gate(settings, review_login),
                    limits=ClientLimits(LimitSettings.from_settings(settings)))


def mentor_gate(settings: Settings, review_login: tuple[str, str] | None) -> MentorGate | None:
    """Mentors' sign-in over their accounts; the environment pair creates the first account. None when there
    is no account at all: review is off."""
    accounts = MentorAccounts(review_db(settings))
    accounts.bootstrap(review_login)
    if not accounts.list():
        return None
    throttle = SignInThrottle(free_attempts=settings.signin_free_attempts, delay=settings.signin_delay)
    return MentorGate(accounts, throttle, settings.session_minutes)


def serve(services, host: str, port: int, block: bool = True):
    """Launch the app; with ``block=False`` return at once (tests)."""
    from ui.app import assets, build_app

    app = build_app(services)
    if services.settings is not None:
        trust_proxies(services.settings)  # before launch: uvicorn reads it when it starts
    app.queue(default_concurrency_limit=8, max_size=QUEUE_SIZE)
    app.launch(server_name=host, server_port=port, prevent_thread_lock=True, quiet=True, show_error=False,
               css=assets(".css"), head=_scripts(), footer_links=["api"])
    from ui.live import follow_live_index

    follow_live_index(services, while_running=lambda: app.is_running)  # new snapshots served within seconds
    if block:
        app.block_thread()  # what launch does without prevent_thread_lock; the follower had to start first
    return app


def _scripts() -> str:
    """ui/assets/*.js as script tags for the page's head (Gradio's ``js=`` takes one function only)."""
    from ui.app import assets

    code = assets(".js")
    return f"<script>\n{code}\n</script>" if code.strip() else ""

"""Per-client limits (ui/client_limits.py) applied to the web app: the public API (``/ask``, ``/diagnose``,
``/search``) and the UI's own chat and search check them before any work; the review desk never does.

The client is the address uvicorn resolved for the request: X-Forwarded-For is believed only from a
trusted proxy (KHUB_TRUSTED_PROXIES, see ``khub.settings.trust_proxies``).
"""

from __future__ import annotations

import logging
import threading

import gradio as gr

from assistant.answer import Answer
from ui.client_limits import LimitExceeded
from ui.services import Services

log = logging.getLogger("khub.limits")
# A client's count of answers today and the storing of its next one, as one step: two answers
# finishing at once cannot both pass the cap. One server process serves the app (the limits are in memory too).
_storing = threading.Lock()


def client_of(request: gr.Request | None) -> str:
    """The client's address as the server resolved it; "" when there is no request (a direct call)."""
    client = getattr(request, "client", None) if request is not None else None
    return str(getattr(client, "host", None) or "")


def refusal(services: Services, action: str, client: str, text: str = "") -> str | None:
    """Count one ``action`` ("ask", "diagnose" or "search") of ``client``; None when it may go on, else why
    not: the text is too long or the client is over its limit, and when to retry."""
    if services.limits is None:
        return None
    try:
        services.limits.check(action, client, text)
    except LimitExceeded as exc:
        return str(exc)
    return None


def check_limits(services: Services, action: str, request: gr.Request | None, text: str = "") -> str:
    """Count one ``action`` of the request's client and return the client.

    Raises:
        gr.Error: the text is too long or the client is over its limit; the message says which and when to retry.
    """
    client = client_of(request)
    refused = refusal(services, action, client, text)
    if refused:  # no traceback in the server's output: a looping client would fill it
        raise gr.Error(refused, title="Limit reached", print_exception=False)
    return client


def store_answer(services: Services, answer: Answer, client: str, session: str = "") -> int | None:
    """Store the answer for mentors' review and return its id; None when the client has had its day's share
    of answers stored (the answer is still given; nothing stored before is touched)."""
    if services.limits is None:
        return services.reviews.record_answer(answer, session=session, client=client)
    cap = services.limits.config.answers_per_day
    with _storing:
        if services.reviews.answers_today(client) >= cap:
            log.warning("answer not stored for review: %s has had its %d answers stored today (UTC); "
                        "KHUB_ANSWERS_PER_CLIENT_PER_DAY raises the cap", client or "an unknown client", cap)
            return None
        return services.reviews.record_answer(answer, session=session, client=client)


def not_stored_notice(services: Services) -> str:
    """What a user is told when the answer was given but not stored for review."""
    cap = services.limits.config.answers_per_day if services.limits else 0
    return (f"This answer was not stored for the mentors' review: your address has had its {cap:,} answers "
            "stored today (UTC). Answers are still given; storing resumes tomorrow.")

"""What the web app serves from, gathered once by ui/server.py and handed to every tab."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer import Assistant
from assistant.diagnose import Diagnoser
from assistant.search import Searcher
from khub.settings import Settings
from ui.client_limits import ClientLimits
from ui.mentor_session import MentorGate
from ui.reviews import ReviewStore


@dataclass
class Services:
    """One index, one model configuration, one review store."""

    searcher: Searcher
    diagnoser: Diagnoser
    assistant: Assistant
    reviews: ReviewStore
    review_login: tuple[str, str] | None  # (user, password) from the environment, or None: review is off
    settings: Settings | None = None  # the corpus and index folders: accepting a suggestion re-ingests
    mentors: MentorGate | None = None  # mentors' sign-in to the review desk; None: review is off
    limits: ClientLimits | None = None  # per-client limits of the public API and the app; None: none

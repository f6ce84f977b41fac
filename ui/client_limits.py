"""Per-client limits on the public API and the app: requests per minute for each action, a longest
question, and the answers stored per client per day.

The moving windows are the ``limits`` library's (in memory, per server process). A client over a
limit is told what and when to retry; other clients' windows are their own, so they are not slowed.

A client is its address as the server resolved it: uvicorn's proxy-headers middleware takes the
address from X-Forwarded-For only when the connection comes from a trusted proxy
(KHUB_TRUSTED_PROXIES, handed to uvicorn by ``khub.settings.trust_proxies``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass

from limits import RateLimitItemPerMinute, storage, strategies

from khub.errors import KhubError

ACTIONS = ("ask", "diagnose", "search")


class LimitExceeded(KhubError):
    """A client went over a limit; ``retry_after`` is in seconds (0 when waiting does not help)."""

    def __init__(self, message: str, retry_after: float = 0.0):
        self.retry_after = retry_after
        super().__init__(message)


@dataclass(frozen=True)
class LimitSettings:
    """What one client may do; built from khub's Settings (see ``from_settings``)."""

    per_minute: Mapping[str, int]  # action -> requests per minute
    max_question_chars: int
    answers_per_day: int
    trusted_proxies: tuple[str, ...] = ()  # addresses or networks (CIDR) whose X-Forwarded-For is believed

    @classmethod
    def from_settings(cls, settings) -> LimitSettings:
        return cls(per_minute={"ask": settings.ask_per_minute, "diagnose": settings.diagnose_per_minute,
                               "search": settings.search_per_minute},
                   max_question_chars=settings.max_question_chars, answers_per_day=settings.answers_per_client_per_day,
                   trusted_proxies=settings.trusted_proxies)


class ClientLimits:
    """Checks one request of one client against its per-minute window and the size limit."""

    def __init__(self, config: LimitSettings):
        self.config = config
        self._limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())
        self._items = {action: RateLimitItemPerMinute(count) for action, count in config.per_minute.items()}

    def check(self, action: str, client: str, text: str = "") -> None:
        """Count one ``action`` by ``client``; raise LimitExceeded (nothing counted) when it is over a limit."""
        if len(text) > self.config.max_question_chars:
            raise LimitExceeded(f"the text is {len(text):,} characters; the limit is "
                                f"{self.config.max_question_chars:,}. Shorten it (for an error, paste the "
                                "error and the frames around it)")
        item = self._items[action]
        if not self._limiter.hit(item, action, client):
            reset = self._limiter.get_window_stats(item, action, client).reset_time
            retry = max(1.0, reset - time.time())
            raise LimitExceeded(f"rate limit: {item.amount} {action} requests per minute per client; "
                                f"try again in {math.ceil(retry)} s", retry)


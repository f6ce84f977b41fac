"""Sign-in throttling: after a few failures for a name or from a client, attempts wait, longer each time.

Failures are counted per mentor name and per client address separately, so guessing one name from
many addresses, or many names from one address, is slowed either way. While a wait runs every
attempt is refused, the right password too, and the message says how long is left. A success
clears the counts for that name and that client. Counts live in memory: a restart forgets them,
which only ever helps a mentor who locked themself out. Sign-in events are logged without the password.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from khub.errors import KhubError

log = logging.getLogger("khub.signin")


class TooManyAttempts(KhubError):
    """Sign-in is paused for this name or client; ``retry_after`` is in seconds."""

    def __init__(self, retry_after: float):
        self.retry_after = retry_after
        super().__init__(f"too many attempts; try again in {math.ceil(retry_after)} s")


@dataclass
class _Record:
    failures: int = 0
    blocked_until: float = 0.0


class SignInThrottle:
    """Counts failed sign-ins and makes further attempts wait, doubling from ``delay`` up to ``max_delay``.

    Args:
        free_attempts: failures allowed before the first wait.
        delay: the first wait in seconds; each further failure doubles it.
        max_delay: the longest wait in seconds.
    """

    def __init__(self, free_attempts: int = 5, delay: float = 5.0, max_delay: float = 900.0,
                 clock: Callable[[], float] = time.monotonic):
        self.free_attempts, self.delay, self.max_delay, self.clock = free_attempts, delay, max_delay, clock
        self._records: dict[tuple[str, str], _Record] = {}
        self._lock = threading.Lock()

    def attempt(self, name: str, client: str, check: Callable[[], bool]) -> bool:
        """Run ``check`` (the password check) unless a wait is running; record and log the outcome.

        Raises:
            TooManyAttempts: a wait runs for this name or this client (``check`` is not called).
        """
        keys = (("name", name.lower()), ("client", client))
        with self._lock:
            now = self.clock()
            waits = [self._records[key].blocked_until - now for key in keys if key in self._records]
            if waits and max(waits) > 0:
                log.warning("sign-in refused while waiting: name=%r client=%s", name, client)
                raise TooManyAttempts(max(waits))
        ok = check()
        with self._lock:
            for key in keys:
                if ok:
                    self._records.pop(key, None)
                else:
                    self._fail(key)
        log.info("sign-in %s: name=%r client=%s", "succeeded" if ok else "failed", name, client)
        return ok

    def _fail(self, key: tuple[str, str]) -> None:
        record = self._records.setdefault(key, _Record())
        record.failures += 1
        over = record.failures - self.free_attempts
        if over >= 0:
            record.blocked_until = self.clock() + min(self.max_delay, self.delay * 2 ** over)

"""The app follows the live index: a snapshot made live by another process (``khub ingest``,
``khub ingest --watch``) or by a mentor accepting a suggestion is served within seconds, without a restart.

A swap builds a new searcher around the new snapshot with the encoder already loaded (no model load),
and a new diagnoser and assistant around it; requests already running finish on the objects they
started with, the next ones use the new. A snapshot that cannot be opened (damaged, or built with
another model) is logged once and the app keeps serving the one it has.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from assistant.answer import Assistant
from assistant.diagnose import Diagnoser
from assistant.refusal import ScoreFloor
from assistant.search import Searcher
from embeddings.snapshots import store_for
from khub.errors import IndexMismatchError
from khub.settings import Settings
from ui.services import Services

# Polling, not file events: asking the store which snapshot is live reads one small file, next to nothing
# each second; it works wherever the index lives (events miss changes another host makes to a network
# folder) and for any store behind the seam, where file events would not exist.
POLL_SECONDS = 1.0
THREAD_NAME = "khub-live-index"
# One swap at a time: the follower and an accepted suggestion may both see the same new snapshot.
SWAPPING = threading.Lock()
log = logging.getLogger("khub.live")


def swap_live_index(services: Services, settings: Settings) -> bool:
    """Serve the snapshot that is live now, if it is not the one served: a new searcher, diagnoser and
    assistant around it. True when swapped.

    Raises:
        IndexUnavailableError: the live snapshot cannot be opened (the old one keeps serving).
        IndexMismatchError: it was built with another model than the one this app has loaded.
    """
    with SWAPPING:
        old = services.searcher
        if store_for(settings).live_version() == old.index.version:
            return False
        index = store_for(settings).open()
        if index.manifest.model_id != old.index.manifest.model_id:
            index.close()
            raise IndexMismatchError(
                f"the live index snapshot {index.version} at {settings.index_dir} was built with "
                f"{index.manifest.model_id}, but this app encodes queries with {old.index.manifest.model_id}; "
                "restart khub serve to load its model")
        # The old snapshot is not closed: requests still running read it; it goes when they let go of it.
        searcher = Searcher(index, old.encode_query, depth=old.depth, weights=old.weights,
                            encode_texts=old.encode_texts)
        diagnoser = Diagnoser(searcher, ranker=services.diagnoser.ranker)
        was = services.assistant
        floor = was.refusal.threshold if isinstance(was.refusal, ScoreFloor) else None
        assistant = Assistant(searcher, diagnoser, encode=was.encode, config=was.config, complete=was.complete,
                              refuse_below=floor, refusal=None if isinstance(was.refusal, ScoreFloor) else was.refusal)
        services.searcher, services.diagnoser, services.assistant = searcher, diagnoser, assistant
    log.info("now serving index snapshot %s (%d entries)", index.version, len(index.entry_ids))
    return True


class LiveIndexFollower:
    """Watches which snapshot is live and swaps the app onto each new one (``check``), from a daemon
    thread (``start``) or by hand."""

    def __init__(self, services: Services, settings: Settings, interval: float = POLL_SECONDS):
        self.services = services
        self.settings = settings
        self.interval = interval
        self.refused: set[str] = set()  # snapshots that failed to open: logged once, not tried again
        self._pointer_unreadable = False

    def check(self) -> bool:
        """Serve the live snapshot if it is new and opens; True when the app swapped onto it."""
        try:
            live = store_for(self.settings).live_version()
        except OSError as exc:  # logged once; the next polls try again quietly
            if not self._pointer_unreadable:
                log.warning("cannot read which index snapshot is live at %s (%s); the app keeps serving %s",
                            self.settings.index_dir, exc, self.services.searcher.index.version)
            self._pointer_unreadable = True
            return False
        self._pointer_unreadable = False
        if live is None or live in self.refused or live == self.services.searcher.index.version:
            return False
        try:
            return swap_live_index(self.services, self.settings)
        except Exception as exc:  # damaged files raise FAISS's and SQLite's own errors too: keep serving
            self.refused.add(live)
            log.warning("the new index snapshot %s was not served, the app keeps serving %s: %s", live,
                        self.services.searcher.index.version, exc)
            return False

    def start(self, while_running: Callable[[], bool]) -> LiveIndexFollower:
        """Check every ``interval`` seconds from a daemon thread, until ``while_running()`` is false (the
        server closed); a daemon, so it never keeps the process alive."""
        threading.Thread(target=self._run, args=(while_running,), name=THREAD_NAME, daemon=True).start()
        return self

    def _run(self, while_running: Callable[[], bool]) -> None:
        while True:
            time.sleep(self.interval)
            if not while_running():
                return
            self.check()


def follow_live_index(services: Services, while_running: Callable[[], bool]) -> LiveIndexFollower | None:
    """Start following the live index of the app's settings while ``while_running()``; None when the app
    has no settings (nothing to follow)."""
    if services.settings is None:
        return None
    return LiveIndexFollower(services, services.settings).start(while_running)

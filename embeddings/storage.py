"""The storage seam: what the build, search and diagnosis need from an index, whatever holds it.

``Store`` writes a snapshot of the archive and opens the live one; ``IndexReader`` is what reading
needs: vectors, nearest neighbours with filters, full-text scores, entries by id, and the
error-message keys. Entries are addressed by position (``pos``) and chunks by ``vid``; a reader
maps them to ids without a query (``entry_ids[pos]``, ``chunk_entry[vid]``).

One store exists today: snapshots of FAISS files beside a SQLite database, swapped in atomically
(``LocalStore`` in embeddings/snapshots.py). Another backend (a Milvus collection, a server)
implements these two protocols, and nothing above embeddings/ changes: search, diagnosis and the
app only ever see an ``IndexReader``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from embeddings.query import Filters
from ingest.entry import Entry

if TYPE_CHECKING:
    from embeddings.backends import Encoder
    from embeddings.manifest import Manifest

Ranked = list[tuple[int, float]]  # (row, score), best first
Progress = Callable[[int, int], None]  # (texts encoded so far, texts to encode)
# Files a caller makes from a complete snapshot before it goes live, by file name (e.g. the learning
# paths' teaching entries, assistant/paths.py): they are part of the snapshot, swapped in with it.
# The layer above provides it, since what it computes (search) lives above embeddings/.
Derive = Callable[["IndexReader"], Mapping[str, str]]
# Encodes texts somewhere other than this process (e.g. on Ray, embeddings/ray_encode.py): yields
# (positions in ``texts``, their vectors) group by group as each is done, in any order, so that each
# group is cached at once; reports to the Progress as groups complete.
EncodeGroups = Callable[[Sequence[str], Progress | None], Iterable[tuple[Sequence[int], np.ndarray]]]


@dataclass(frozen=True)
class BuildPlan:
    """What the encoder must provide: one identity for the cache, and a way to load it."""

    model_id: str
    backend: str
    load: Callable[[], Encoder]
    encode: EncodeGroups | None = None  # None: ``load`` the encoder and encode here, as always


@dataclass
class BuildReport:
    """What an ingest did, for the summary line and ``--json``."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    entries: int = 0
    chunks: int = 0
    chunks_encoded: int = 0  # chunk texts never seen before, so encoded now
    leads_encoded: int = 0  # entry lead texts (title + opening) encoded now
    up_to_date: bool = False
    snapshot: str = ""
    seconds: float = 0.0


@dataclass(frozen=True, kw_only=True)
class Passage:
    """One stored chunk of one entry, with the facts about the entry that a result needs: what a search
    hit shows, a prompt numbers and an answer cites."""

    entry_id: str
    chunk_id: str
    title: str
    section: str
    text: str
    kind: str


class IndexReader(Protocol):
    """A read-only view of one snapshot of the index, safe to query from several threads."""

    manifest: Manifest
    entry_ids: list[str]  # by pos
    chunk_entry: np.ndarray  # the pos of each chunk's entry, by vid

    @property
    def version(self) -> str: ...  # which snapshot this is: a new one each time an update goes live
    def chunk_vids(self, pos: int) -> range: ...
    def chunk_vectors(self, vids: Sequence[int] | np.ndarray) -> np.ndarray: ...
    def lead_vectors(self, positions: list[int]) -> np.ndarray: ...
    # The cosine of each given chunk (entry lead) with a query vector, in the order given: computed where
    # the vectors live, so a remote store sends back scores, not vectors.
    def chunk_similarities(self, vids: Sequence[int] | np.ndarray, query_vector: np.ndarray) -> np.ndarray: ...
    def lead_similarities(self, positions: list[int], query_vector: np.ndarray) -> np.ndarray: ...
    def allowed(self, filters: Filters) -> tuple[list[int] | None, list[int] | None]: ...
    def dense_chunks(self, query_vector: np.ndarray, limit: int, allowed: list[int] | None = None) -> Ranked: ...
    def dense_leads(self, query_vector: np.ndarray, limit: int, allowed: list[int] | None = None) -> Ranked: ...
    def bm25_entries(self, query: str, filters: Filters = Filters()) -> dict[int, float]: ...
    def entry_frequencies(self, words: Iterable[str], exclude: Collection[int] = ()) -> dict[str, int]: ...
    def entry_topics(self) -> dict[int, tuple[str, set[str]]]: ...
    def passages(self, vids: list[int]) -> dict[int, Passage]: ...
    def entry(self, entry_id: str) -> Entry | None: ...
    def entry_titles(self, positions: list[int]) -> dict[int, str]: ...
    def entry_passages(self, entry_id: str) -> list[Passage]: ...
    def error_rows(self) -> tuple[list[tuple], list[tuple]]: ...
    def entry_ecosystems(self) -> dict[int, set[str]]: ...
    def position(self, entry_id: str) -> int | None: ...
    def has_entry(self, entry_id: str) -> bool: ...
    def derived(self, name: str) -> str | None: ...  # a file ``Derive`` made for this snapshot, or None
    def close(self) -> None: ...


class Store(Protocol):
    """Where the index lives: a new snapshot is invisible until complete, and a failed or
    interrupted update leaves the previous one serving."""

    def exists(self) -> bool:
        """Whether a snapshot is live."""
        ...

    def open(self) -> IndexReader:
        """The live snapshot, or an IndexUnavailableError that says how to build one."""
        ...

    def live_version(self) -> str | None:
        """Which snapshot is live (an open reader's ``version``), or None when none is; cheap enough
        to ask every second."""
        ...

    def update(self, entries: Sequence[Entry], plan: BuildPlan, *, sources: Sequence[str] = (),
               rebuild: bool = False, progress: Progress | None = None, derive: Derive | None = None) -> BuildReport:
        """Make the live snapshot hold exactly ``entries``, encoding only text never seen before; a new
        snapshot also holds the files ``derive`` makes from it before it goes live."""
        ...

"""Open the live index snapshot for reading: manifest, database and vectors, checked together."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

import faiss
import numpy as np

from embeddings import bm25, database, vectors
from embeddings.manifest import REBUILD, Manifest
from embeddings.query import Filters
from embeddings.storage import Passage, Ranked
from embeddings.store import IndexStore
from ingest.chunk import Chunk
from ingest.entry import Entry
from khub.errors import IndexUnavailableError


class Index:
    """A read-only view of one snapshot; safe to query from several threads. It is the local
    store's ``IndexReader`` (embeddings/storage.py).

    Entries are addressed by position (``pos``) and chunks by ``vid``, the rows of the two
    FAISS indexes; ``entry_ids[pos]`` and ``chunk_entry[vid]`` map them without a query.
    """

    def __init__(self, folder: Path, manifest: Manifest, connection: sqlite3.Connection,
                 chunk_vectors: faiss.Index, lead_vectors: faiss.Index, terms: bm25.TermMatrix | None = None):
        self.folder = folder
        self.manifest = manifest
        self._db = connection
        self._chunk_vectors = chunk_vectors
        self._lead_vectors = lead_vectors
        self._terms = terms  # BM25 without SQLite, the same scores (None: a snapshot written before it)
        self._lock = threading.Lock()  # one SQLite connection, shared: serialise its use
        self.entry_ids: list[str] = [row[0] for row in connection.execute("SELECT id FROM entries ORDER BY pos")]
        positions = {entry_id: pos for pos, entry_id in enumerate(self.entry_ids)}
        self.chunk_entry = np.array(
            [positions[entry_id] for (entry_id,) in connection.execute("SELECT entry_id FROM chunks ORDER BY vid")],
            dtype=np.int64,
        )
        # Chunks are stored entry by entry, so each entry's chunks are one run of vids.
        self._first_vid = np.searchsorted(self.chunk_entry, np.arange(len(self.entry_ids) + 1))
        self._positions = positions

    @property
    def version(self) -> str:
        """The snapshot's folder name, which the store's CURRENT pointer names while it is live."""
        return self.folder.name

    def chunk_vids(self, pos: int) -> range:
        """The vids of the chunks of the entry at ``pos``."""
        return range(int(self._first_vid[pos]), int(self._first_vid[pos + 1]))

    def chunk_vectors(self, vids: Sequence[int] | np.ndarray) -> np.ndarray:
        """The stored vectors of the given chunks."""
        return vectors.stored_vectors(self._chunk_vectors, vids)

    def lead_vectors(self, positions: list[int]) -> np.ndarray:
        """The stored lead vectors of the given entries."""
        return vectors.stored_vectors(self._lead_vectors, positions)

    def chunk_similarities(self, vids: Sequence[int] | np.ndarray, query_vector: np.ndarray) -> np.ndarray:
        """The cosine of each given chunk with ``query_vector``, in the order given."""
        return self.chunk_vectors(vids) @ query_vector

    def lead_similarities(self, positions: list[int], query_vector: np.ndarray) -> np.ndarray:
        """The cosine of each given entry's lead with ``query_vector``, in the order given."""
        return self.lead_vectors(positions) @ query_vector

    def allowed(self, filters: Filters) -> tuple[list[int] | None, list[int] | None]:
        """Chunk vids and entry positions passing the filters; (None, None) when unfiltered."""
        if not filters.active:
            return None, None
        with self._lock:
            return database.allowed_rows(self._db, filters)

    def dense_chunks(self, query_vector: np.ndarray, limit: int, allowed: list[int] | None = None) -> Ranked:
        """Nearest chunks by cosine similarity, as (vid, score)."""
        return vectors.dense_search(self._chunk_vectors, query_vector, limit, allowed)

    def dense_leads(self, query_vector: np.ndarray, limit: int, allowed: list[int] | None = None) -> Ranked:
        """Nearest entries by their lead vector, as (pos, score)."""
        return vectors.dense_search(self._lead_vectors, query_vector, limit, allowed)

    def bm25_entries(self, query: str, filters: Filters = Filters()) -> dict[int, float]:
        """BM25 over title, tags and body of every entry holding a query word, by pos."""
        scores = self._terms.scores(database.match_words(query)) if self._terms is not None else None
        if scores is None:
            with self._lock:
                return database.bm25_entries(self._db, query, filters)
        if filters.active:
            allowed = set(self.allowed(filters)[1] or ())
            return {pos: score for pos, score in scores.items() if pos in allowed}
        return scores

    def entry_frequencies(self, words: Iterable[str], exclude: Collection[int] = ()) -> dict[str, int]:
        """How many entries hold each word (full-text matching), the entries at ``exclude`` left out."""
        with self._lock:
            return database.entry_frequencies(self._db, words, exclude)

    def entry_topics(self) -> dict[int, tuple[str, set[str]]]:
        """Every entry's title and the languages and tags it is filed under, by position."""
        with self._lock:
            return database.entry_topics(self._db)

    def passages(self, vids: list[int]) -> dict[int, Passage]:
        """The stored chunks for ``vids``, by vid."""
        with self._lock:
            rows = database.chunk_rows(self._db, vids)
        return {vid: Passage(entry_id=entry_id, chunk_id=chunk_id, title=title, section=section, text=text, kind=kind)
                for vid, chunk_id, entry_id, section, text, kind, title in rows}

    def entry(self, entry_id: str) -> Entry | None:
        """The whole entry, or None if the index does not hold it."""
        with self._lock:
            row = self._db.execute("SELECT * FROM entries WHERE id = ?", [entry_id]).fetchone()
        return database.entry_from_row(row) if row else None

    def entry_titles(self, positions: list[int]) -> dict[int, str]:
        """The titles of the entries at ``positions``, by position."""
        with self._lock:
            return dict(database.rows_in(self._db, "SELECT pos, title FROM entries WHERE pos IN ({})", positions))

    def error_rows(self) -> tuple[list[tuple], list[tuple]]:
        """The keyed messages and codes of every error entry (see embeddings/database.py)."""
        with self._lock:
            return database.error_rows(self._db)

    def entry_ecosystems(self) -> dict[int, set[str]]:
        """Every entry's ecosystems, by position (see embeddings/database.py)."""
        with self._lock:
            return database.entry_ecosystems(self._db)

    def position(self, entry_id: str) -> int | None:
        """The position of an entry (its row among the lead vectors), or None."""
        return self._positions.get(entry_id)

    def entry_passages(self, entry_id: str) -> list[Passage]:
        """All stored chunks of one entry, in order."""
        pos = self._positions.get(entry_id)
        if pos is None:
            return []
        vids = list(self.chunk_vids(pos))
        passages = self.passages(vids)
        return [passages[vid] for vid in vids]

    def has_entry(self, entry_id: str) -> bool:
        return entry_id in self._positions

    def entry_hashes(self) -> dict[str, str]:
        """Every entry id with its content hash."""
        with self._lock:
            return dict(self._db.execute("SELECT id, content_hash FROM entries"))

    def chunks_of(self, entry_ids: set[str]) -> dict[str, list[Chunk]]:
        """The stored chunks of the given entries, in order, to reuse them unchanged."""
        found: dict[str, list[Chunk]] = {}
        with self._lock:
            rows = self._db.execute("SELECT chunk_id, entry_id, ordinal, section, title, body, tokens FROM chunks "
                                    "ORDER BY vid")
            for row in rows:
                if row[1] in entry_ids:
                    found.setdefault(row[1], []).append(Chunk(*row))
        return found

    def derived(self, name: str) -> str | None:
        """A file made for this snapshot before it went live (``Derive``), or None if it has none."""
        try:
            return (self.folder / name).read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):  # an older snapshot, or one since removed
            return None

    def close(self) -> None:
        self._db.close()


def open_index(root: Path) -> Index:
    """Open the live snapshot under ``root``, or explain how to build one."""
    folder = IndexStore(root).current()
    if folder is None:
        raise IndexUnavailableError(f"no index at {root}; build it with: khub ingest  (or: khub ingest PATH ...)")
    return open_snapshot(folder)


def open_snapshot(folder: Path) -> Index:
    """Open the snapshot in ``folder``, live or not yet published."""
    manifest = Manifest.read(folder)
    chunk_vectors = vectors.load_vector_index(folder / vectors.CHUNKS_FILE, manifest.chunks, manifest.dimension)
    lead_vectors = vectors.load_vector_index(folder / vectors.LEADS_FILE, manifest.entries, manifest.dimension)
    path = folder / database.FILE_NAME
    terms = bm25.TermMatrix.load(folder / bm25.FILE_NAME, database.TOKENIZER)
    connection = database.open_database(path)
    try:
        return Index(folder, manifest, connection, chunk_vectors, lead_vectors, terms)
    except sqlite3.DatabaseError as exc:  # SQLite reads the file at the first query, here
        connection.close()
        raise IndexUnavailableError(f"{path} cannot be read ({exc}); {REBUILD}") from exc

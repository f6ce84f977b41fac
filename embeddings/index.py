"""Open the live index snapshot for reading: manifest, database and vectors, checked together."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from embeddings import database, vectors
from embeddings.database import Filters
from embeddings.manifest import Manifest
from embeddings.store import IndexStore
from ingest.chunk import Chunk
from ingest.entry import Entry
from khub.errors import IndexUnavailableError


@dataclass(frozen=True)
class ChunkRecord:
    """A stored chunk with the facts about its entry that a result needs."""

    vid: int
    chunk_id: str
    entry_id: str
    section: str
    passage: str
    kind: str
    title: str


class Index:
    """A read-only view of one snapshot; safe to query from several threads."""

    def __init__(self, folder: Path, manifest: Manifest, connection: sqlite3.Connection, vector_index: faiss.Index):
        self.folder = folder
        self.manifest = manifest
        self._db = connection
        self._vectors = vector_index
        self._lock = threading.Lock()  # one SQLite connection, shared: serialise its use

    def dense(self, query_vector: np.ndarray, limit: int, filters: Filters = Filters()) -> list[tuple[int, float]]:
        """Nearest chunks by cosine similarity, as (vid, score)."""
        allowed = None
        if filters.active:
            with self._lock:
                allowed = database.allowed_vids(self._db, filters)
        return vectors.dense_search(self._vectors, query_vector, limit, allowed)

    def bm25(self, query: str, limit: int, filters: Filters = Filters()) -> list[tuple[int, float]]:
        """Best full-text matches as (vid, BM25 score)."""
        with self._lock:
            return database.bm25_search(self._db, query, limit, filters)

    def chunk_records(self, vids: list[int]) -> dict[int, ChunkRecord]:
        """The stored chunks for ``vids``, by vid."""
        with self._lock:
            rows = database.iter_chunk_rows(self._db, vids)
        return {row[0]: ChunkRecord(*row) for row in rows}

    def entry(self, entry_id: str) -> Entry | None:
        """The whole entry, or None if the index does not hold it."""
        with self._lock:
            row = self._db.execute("SELECT * FROM entries WHERE id = ?", [entry_id]).fetchone()
        return database.entry_from_row(row) if row else None

    def entry_hashes(self) -> dict[str, str]:
        """Every entry id with its content hash."""
        with self._lock:
            return dict(self._db.execute("SELECT id, content_hash FROM entries"))

    def chunks_of(self, entry_ids: set[str]) -> dict[str, list[Chunk]]:
        """The stored chunks of the given entries, in order, to reuse them unchanged."""
        found: dict[str, list[Chunk]] = {}
        with self._lock:
            rows = self._db.execute(
                "SELECT chunk_id, entry_id, ordinal, section, title, body, tokens FROM chunks ORDER BY vid"
            )
            for row in rows:
                if row[1] in entry_ids:
                    found.setdefault(row[1], []).append(Chunk(*row))
        return found

    def has_entry(self, entry_id: str) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM entries WHERE id = ?", [entry_id]).fetchone() is not None

    def close(self) -> None:
        self._db.close()


def open_index(root: Path) -> Index:
    """Open the live snapshot under ``root``, or explain how to build one."""
    folder = IndexStore(root).current()
    if folder is None:
        raise IndexUnavailableError(f"no index at {root}; build it with: khub ingest  (or: khub ingest PATH ...)")
    manifest = Manifest.read(folder)
    vector_index = vectors.load_vector_index(folder / vectors.FILE_NAME, manifest.chunks, manifest.dimension)
    connection = database.open_database(folder / database.FILE_NAME)
    return Index(folder, manifest, connection, vector_index)

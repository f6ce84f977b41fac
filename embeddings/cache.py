"""The vector cache: every text is encoded once per model, then reused by every later ingest.

Vectors are kept in SQLite keyed by (model id, text hash). Each batch is committed as soon as it
is encoded, so work done before an interrupted ingest is not lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

FILE_NAME = "vector-cache.sqlite"
LOOKUP_BATCH = 500  # stays under SQLite's limit on bound parameters


class VectorCache:
    """Vectors by (model id, text hash), persisted in one SQLite file."""

    def __init__(self, path: Path, model_id: str, dimension: int):
        self.model_id = model_id
        self.dimension = dimension
        self._connection = sqlite3.connect(path)
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model_id TEXT NOT NULL, text_hash TEXT NOT NULL, "
            "vector BLOB NOT NULL, PRIMARY KEY (model_id, text_hash)) WITHOUT ROWID"
        )
        self._connection.commit()

    def get_many(self, text_hashes: Iterable[str]) -> dict[str, np.ndarray]:
        """Return the cached vectors among ``text_hashes``."""
        wanted = list(dict.fromkeys(text_hashes))
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(wanted), LOOKUP_BATCH):
            batch = wanted[start:start + LOOKUP_BATCH]
            rows = self._connection.execute(
                "SELECT text_hash, vector FROM vectors WHERE model_id = ? "
                f"AND text_hash IN ({','.join('?' * len(batch))})",
                [self.model_id, *batch],
            )
            for text_hash, blob in rows:
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape == (self.dimension,):  # a damaged row is simply encoded again
                    found[text_hash] = vector
        return found

    def put_many(self, text_hashes: Sequence[str], vectors: np.ndarray) -> None:
        """Store vectors and commit at once."""
        rows = [(self.model_id, text_hash, np.asarray(vector, dtype=np.float32).tobytes())
                for text_hash, vector in zip(text_hashes, vectors)]
        self._connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?,?,?)", rows)
        self._connection.commit()

    def clear(self) -> None:
        """Forget every vector of this model (``khub ingest --rebuild --no-cache``)."""
        self._connection.execute("DELETE FROM vectors WHERE model_id = ?", [self.model_id])
        self._connection.commit()

    def close(self) -> None:
        self._connection.close()

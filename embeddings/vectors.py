"""The dense side of an index: vectors in FAISS indexes, searched by inner product.

Two indexes per snapshot: one vector per chunk (row = the chunk's ``vid`` in the database) and
one "lead" vector per entry (row = the entry's ``pos``), made from its title and opening, which
the model reads whole. Vectors are L2-normalised, so inner product is cosine similarity.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np

from khub.errors import IndexUnavailableError

CHUNKS_FILE = "chunks.faiss"  # row = chunk vid
LEADS_FILE = "leads.faiss"  # row = entry position: one vector per entry, of its title and opening
# Exact search up to this many vectors; above it, an HNSW graph (bench/vector_index.py measured the
# trade: see the module docstring of that script and the README's Performance section).
HNSW_FROM = 50_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128


def index_type(rows: int) -> str:
    """The FAISS index used for ``rows`` vectors, as the manifest records it."""
    return "IndexFlatIP" if rows < HNSW_FROM else f"IndexHNSWFlat(M={HNSW_M},efSearch={HNSW_EF_SEARCH})"


def build_vector_index(vectors: np.ndarray) -> faiss.Index:
    """An inner-product index over the vectors, row i = vid i: exact when small, HNSW when large."""
    dimension = vectors.shape[1]
    if len(vectors) < HNSW_FROM:
        index = faiss.IndexFlatIP(dimension)
    else:
        index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def save_vector_index(index: faiss.Index, path: Path) -> None:
    """Write the FAISS index to ``path``."""
    faiss.write_index(index, str(path))


def load_vector_index(path: Path, expected_rows: int, dimension: int) -> faiss.Index:
    """Read a FAISS index and check it holds one vector per chunk, of the right dimension."""
    if not path.is_file():
        raise IndexUnavailableError(f"{path} is missing; rebuild the index with: khub ingest --rebuild")
    try:
        index = faiss.read_index(str(path))
    except RuntimeError as exc:
        raise IndexUnavailableError(f"{path} cannot be read ({exc}); rebuild it with: khub ingest --rebuild") from exc
    if index.ntotal != expected_rows or index.d != dimension:
        raise IndexUnavailableError(
            f"{path} holds {index.ntotal} vectors of dimension {index.d}, the manifest says {expected_rows} of "
            f"{dimension}; rebuild it with: khub ingest --rebuild"
        )
    return index


def dense_search(index: faiss.Index, query: np.ndarray, limit: int, allowed: Sequence[int] | None = None) -> list[tuple[int, float]]:
    """Return (row, cosine) best first; ``allowed`` restricts the search to those rows."""
    if index.ntotal == 0 or limit <= 0:
        return []
    params = None
    if allowed is not None:
        if len(allowed) == 0:
            return []
        selector = faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64))
        params = (faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, limit))
                  if isinstance(index, faiss.IndexHNSW) else faiss.SearchParameters(sel=selector))
    elif isinstance(index, faiss.IndexHNSW):
        params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, limit))
    scores, ids = index.search(query.reshape(1, -1).astype(np.float32), min(limit, index.ntotal), params=params)
    return [(int(vid), float(score)) for vid, score in zip(ids[0], scores[0]) if vid >= 0]


def stored_vectors(index: faiss.Index, rows: Sequence[int]) -> np.ndarray:
    """The vectors stored at ``rows`` (exact for flat and HNSW indexes)."""
    if len(rows) == 0:
        return np.zeros((0, index.d), dtype=np.float32)
    return index.reconstruct_batch(np.asarray(rows, dtype=np.int64))

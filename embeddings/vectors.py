"""The dense side of an index: vectors in FAISS indexes, searched by inner product.

Two indexes per snapshot: one vector per chunk (row = the chunk's ``vid`` in the database) and
one "lead" vector per entry (row = the entry's ``pos``), made from its title and opening, which
the model reads whole. Vectors are L2-normalised, so inner product is cosine similarity.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np

from khub.errors import IndexUnavailableError

CHUNKS_FILE = "chunks.faiss"  # row = chunk vid
LEADS_FILE = "leads.faiss"  # row = entry position: one vector per entry, of its title and opening
# Exact search up to this many vectors, an HNSW graph above. Measured on 113,230 chunk vectors
# (bench/vector_index.py, 2 cores): exact search takes 14.4 ms p95 per query with recall 1.0, well
# inside the 100 ms search budget, and grows linearly (~0.13 ms per 1,000 vectors), so it stays
# under ~40 ms up to 300,000 vectors. HNSW answers in under 1 ms but loses neighbours on this
# archive of near-duplicate texts: M=32, efConstruction=200, efSearch=256 is the first setting with
# recall@10 above 0.99 against exact (0.993; recall@100 0.983), for a 21 s build and +18% memory.
HNSW_FROM = 300_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 200
HNSW_EF_SEARCH = 256
SEARCH_THREADS = 1  # one query at a time searches faster on one thread (14.4 vs 18.3 ms p95 on two)


def index_type(rows: int) -> str:
    """The FAISS index used for ``rows`` vectors, as the manifest records it."""
    return "IndexFlatIP" if rows < HNSW_FROM else f"IndexHNSWFlat(M={HNSW_M},efSearch={HNSW_EF_SEARCH})"


def build_vector_index(vectors: np.ndarray) -> faiss.Index:
    """An inner-product index over the vectors, row i = vid i: exact when small, HNSW when large."""
    dimension = vectors.shape[1]
    index: faiss.Index
    if len(vectors) < HNSW_FROM:
        index = faiss.IndexFlatIP(dimension)
    else:
        index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    if len(vectors):
        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(os.cpu_count() or 1)  # building a graph uses every core
        try:
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        finally:
            faiss.omp_set_num_threads(threads)
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
    faiss.omp_set_num_threads(SEARCH_THREADS)
    if index.ntotal != expected_rows or index.d != dimension:
        raise IndexUnavailableError(
            f"{path} holds {index.ntotal} vectors of dimension {index.d}, the manifest says {expected_rows} of "
            f"{dimension}; rebuild it with: khub ingest --rebuild"
        )
    return index


def dense_search(index: faiss.Index, query: np.ndarray, limit: int,
                 allowed: Sequence[int] | None = None) -> list[tuple[int, float]]:
    """Return (row, cosine) best first; ``allowed`` restricts the search to those rows."""
    if index.ntotal == 0 or limit <= 0:
        return []
    params = None
    if allowed is not None:
        if len(allowed) == 0:
            return []
        selector = faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64))
        params = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]  # faiss's stubs omit keywords
        if isinstance(index, faiss.IndexHNSW):
            # A graph walk that may only stop on allowed rows loses neighbours (recall@100 0.65 with 10%
            # of 113k rows allowed); an exact search of the allowed rows in the graph's own storage is
            # exact, and took 3 ms.
            index = index.storage
    elif isinstance(index, faiss.IndexHNSW):
        params = faiss.SearchParametersHNSW(  # type: ignore[attr-defined]  # missing from faiss's stubs
            efSearch=max(HNSW_EF_SEARCH, limit))
    scores, ids = index.search(query.reshape(1, -1).astype(np.float32), min(limit, index.ntotal), params=params)
    return [(int(vid), float(score)) for vid, score in zip(ids[0], scores[0]) if vid >= 0]


def stored_vectors(index: faiss.Index, rows: Sequence[int] | np.ndarray) -> np.ndarray:
    """The vectors stored at ``rows`` (exact for flat and HNSW indexes)."""
    if len(rows) == 0:
        return np.zeros((0, index.d), dtype=np.float32)
    return index.reconstruct_batch(np.asarray(rows, dtype=np.int64))

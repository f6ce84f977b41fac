"""Hybrid search: dense (FAISS) and full-text (BM25) retrieval, fused, one result per entry.

Three rankings of entries are fused with weighted reciprocal rank fusion:
    chunks  the entry's best chunk by cosine similarity (finds the one section that answers)
    leads   the entry's lead vector: title and opening, read whole (finds what an entry is about)
    bm25    SQLite FTS5 BM25 over title, tags and body (finds exact words: names, codes, flags)
The passage shown is the entry's chunk that dense and full-text chunk search agree on most.
Weights and k were chosen on the dev questions (bench/retrieval.py prints the comparison).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assistant.fuse import reciprocal_rank_fusion
from embeddings.database import Filters
from embeddings.index import ChunkRecord, Index, Ranked

DEPTH = 100  # candidates taken from each retriever before fusing
FUSION_K = 30
WEIGHTS = {"chunks": 1.0, "leads": 1.0, "bm25": 0.5}


@dataclass(frozen=True)
class Hit:
    """One entry found for a query, with its best-matching passage."""

    entry_id: str
    score: float
    title: str
    kind: str
    chunk_id: str
    section: str
    passage: str


@dataclass(frozen=True)
class Retrieval:
    """What each retriever returned for one query, before fusion."""

    dense_chunks: Ranked
    dense_leads: Ranked
    bm25_chunks: Ranked
    bm25_entries: Ranked


class Searcher:
    """Searches one index; ``encode_query`` turns text into a unit vector of the index's space."""

    def __init__(self, index: Index, encode_query: Callable[[str], np.ndarray], depth: int = DEPTH,
                 weights: dict[str, float] | None = None, fusion_k: int = FUSION_K):
        self.index = index
        self.encode_query = encode_query
        self.depth = depth
        self.weights = weights or WEIGHTS
        self.fusion_k = fusion_k

    def search(self, query: str, *, top_k: int = 10, filters: Filters = Filters()) -> list[Hit]:
        """The ``top_k`` best entries for ``query``, best first."""
        if not query.strip() or top_k <= 0:
            return []
        retrieval = self.retrieve(query, filters)
        ranked = self.rank_entries(retrieval)[:top_k]
        return self._hits(ranked, retrieval)

    def retrieve(self, query: str, filters: Filters = Filters()) -> Retrieval:
        """Run every retriever once."""
        vector = self.encode_query(query)
        vids, positions = self.index.allowed(filters)
        return Retrieval(
            dense_chunks=self.index.dense_chunks(vector, self.depth, vids),
            dense_leads=self.index.dense_leads(vector, self.depth, positions),
            bm25_chunks=self.index.bm25_chunks(query, self.depth, filters),
            bm25_entries=self.index.bm25_entries(query, self.depth, filters),
        )

    def rank_entries(self, retrieval: Retrieval) -> list[tuple[int, float]]:
        """Entry positions with fused scores, best first."""
        rankings = {
            "chunks": self._entries_of(retrieval.dense_chunks),
            "leads": [pos for pos, _ in retrieval.dense_leads],
            "bm25": [pos for pos, _ in retrieval.bm25_entries],
        }
        scores = reciprocal_rank_fusion(rankings, self.weights, k=self.fusion_k)
        return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))

    def _entries_of(self, chunk_ranking: Ranked) -> list[int]:
        """Entry positions in the order of their best chunk."""
        return list(dict.fromkeys(int(self.index.chunk_entry[vid]) for vid, _ in chunk_ranking))

    def _hits(self, ranked: list[tuple[int, float]], retrieval: Retrieval) -> list[Hit]:
        passages = self._best_chunks({pos for pos, _ in ranked}, retrieval)
        return [_hit(passages[pos], score) for pos, score in ranked if pos in passages]

    def _best_chunks(self, positions: set[int], retrieval: Retrieval) -> dict[int, ChunkRecord]:
        """For each entry, the chunk ranked best by dense and full-text chunk search together."""
        chunk_scores = reciprocal_rank_fusion(
            {"dense": [vid for vid, _ in retrieval.dense_chunks], "bm25": [vid for vid, _ in retrieval.bm25_chunks]},
            k=self.fusion_k,
        )
        best: dict[int, int] = {}
        for vid, _ in sorted(chunk_scores.items(), key=lambda pair: -pair[1]):
            pos = int(self.index.chunk_entry[vid])
            if pos in positions and pos not in best:
                best[pos] = vid
        records = self.index.chunk_records(list(best.values()))
        chosen = {pos: records[vid] for pos, vid in best.items()}
        chosen.update(self.index.first_chunks([pos for pos in positions if pos not in chosen]))
        return chosen


def _hit(record: ChunkRecord, score: float) -> Hit:
    return Hit(record.entry_id, round(score, 6), record.title, record.kind, record.chunk_id, record.section,
               record.passage)


def open_searcher(settings) -> Searcher:
    """Open the live index and the encoder it was built with (one model load for many queries)."""
    from embeddings.encoder import load_encoder, model_id_for
    from embeddings.index import open_index
    from embeddings.manifest import REBUILD
    from khub.errors import IndexMismatchError

    index = open_index(settings.index_dir)
    backend = index.manifest.backend
    if model_id_for(backend) != index.manifest.model_id:
        raise IndexMismatchError(
            f"the index at {settings.index_dir} was built with {index.manifest.model_id}, but the installed "
            f"model is {model_id_for(backend)}; {REBUILD}"
        )
    encoder = load_encoder(backend, settings.model_cache_dir, settings.threads)
    return Searcher(index, lambda query: encoder.encode([query])[0])

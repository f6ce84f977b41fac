"""Hybrid search: dense (FAISS) and full-text (BM25) retrieval, fused, one result per entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assistant.fuse import best_per_group, reciprocal_rank_fusion
from embeddings.database import Filters
from embeddings.index import Index

DEPTH = 100  # chunks taken from each retriever before fusing


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


class Searcher:
    """Searches one index; ``encode_query`` turns text into a unit vector of the index's space."""

    def __init__(self, index: Index, encode_query: Callable[[str], np.ndarray], depth: int = DEPTH):
        self.index = index
        self.encode_query = encode_query
        self.depth = depth

    def search(self, query: str, *, top_k: int = 10, filters: Filters = Filters()) -> list[Hit]:
        """The ``top_k`` best entries for ``query``, best first."""
        if not query.strip() or top_k <= 0:
            return []
        dense = self.index.dense(self.encode_query(query), self.depth, filters)
        lexical = self.index.bm25(query, self.depth, filters)
        return self._fuse(dense, lexical, top_k)

    def _fuse(self, dense: list[tuple[int, float]], lexical: list[tuple[int, float]], top_k: int) -> list[Hit]:
        records = self.index.chunk_records([vid for vid, _ in dense] + [vid for vid, _ in lexical])
        entry_of = {vid: record.entry_id for vid, record in records.items()}
        # Rank entries by each retriever's best chunk, then fuse the entry rankings.
        rankings = {
            name: [entry for entry, _, _ in best_per_group(ranked, entry_of)]
            for name, ranked in (("dense", dense), ("bm25", lexical))
        }
        entry_scores = reciprocal_rank_fusion(rankings)
        # The passage shown is the chunk the two retrievers agree on most.
        chunk_scores = reciprocal_rank_fusion({"dense": [v for v, _ in dense], "bm25": [v for v, _ in lexical]})
        best_chunk = {entry: vid for entry, vid, _ in best_per_group(list(chunk_scores.items()), entry_of)}
        ranked = sorted(entry_scores.items(), key=lambda pair: -pair[1])[:top_k]
        return [self._hit(records[best_chunk[entry]], score) for entry, score in ranked]

    @staticmethod
    def _hit(record, score: float) -> Hit:
        return Hit(record.entry_id, round(score, 6), record.title, record.kind, record.chunk_id,
                   record.section, record.passage)


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

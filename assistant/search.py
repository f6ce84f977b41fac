"""Hybrid search: dense (FAISS) and full-text (BM25) retrieval, fused, one result per entry.

1. Candidates: the entries of the nearest chunks, the nearest lead vectors (an entry's title and
   opening, read whole) and the best BM25 matches over title, tags and body.
2. Evidence: for every candidate, exactly: its best chunk's cosine, its lead's cosine and its BM25
   score (so an entry that one retriever missed is not penalised for the miss).
3. Rank by the weighted evidence (assistant/fuse.py); show the entry's chunk that best matches the
   query by meaning and words.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from assistant.fuse import Evidence, Weights
from embeddings.query import Filters, identifier_parts, query_terms
from embeddings.storage import IndexReader, Passage, Ranked
from ingest.entry import Entry

DEPTH = 100  # candidates taken from each retriever
PASSAGE_SHORTLIST = 3  # an entry's closest chunks by meaning, among which the query's words decide
HELPER_THREADS = 8  # full-text searches under way beside the dense ones: one per concurrent request


@dataclass(frozen=True, kw_only=True)
class Hit:
    """One entry found for a query: its best-matching passage and the entry's fused score."""

    passage: Passage
    score: float

    def as_dict(self) -> dict:
        """The shape of a hit in ``khub search --json`` and the web API:
        ``{"entry_id", "score", "title", "kind", "chunk_id", "passage", "section"}`` (the passage's text)."""
        p = self.passage
        return {"entry_id": p.entry_id, "score": self.score, "title": p.title, "kind": p.kind, "chunk_id": p.chunk_id,
                "passage": p.text, "section": p.section}


@dataclass(frozen=True)
class Retrieval:
    """What each retriever returned for one query."""

    vector: np.ndarray
    dense_chunks: Ranked  # (vid, cosine)
    dense_leads: Ranked  # (pos, cosine)
    bm25_entries: dict[int, float]  # pos -> BM25, every entry holding a query word


@dataclass(frozen=True)
class Scored:
    """Candidate entries and their evidence as columns (``Searcher.score``), by ascending pos."""

    positions: np.ndarray
    chunk: np.ndarray  # the cosine of each entry's best chunk
    lead: np.ndarray  # the cosine of its lead
    bm25: np.ndarray  # its BM25 over the best candidate's
    score: np.ndarray  # the fused score (assistant/fuse.py)


@dataclass(frozen=True)
class Candidate:
    """An entry under consideration, with its evidence and fused score."""

    pos: int
    evidence: Evidence
    score: float


class Searcher:
    """Searches one index; ``encode_query`` turns text into a unit vector of the index's space."""

    def __init__(self, index: IndexReader, encode_query: Callable[[str], np.ndarray], depth: int = DEPTH,
                 weights: Weights = Weights(), encode_texts: Callable[[Sequence[str]], np.ndarray] | None = None):
        self.index = index
        self.encode_query = encode_query
        self.encode_texts = encode_texts  # many texts at once, in the same space (citation checks)
        self.depth = depth
        self.weights = weights
        self._helpers = ThreadPoolExecutor(HELPER_THREADS, thread_name_prefix="khub-search")

    def entry(self, entry_id: str) -> Entry | None:
        """One whole entry of the index (the app's source cards and entry view), or None."""
        return self.index.entry(entry_id)

    def search(self, query: str, *, top_k: int = 10, filters: Filters = Filters(),
               exclude: Collection[int] = ()) -> list[Hit]:
        """The ``top_k`` best entries for ``query``, best first; the entries at ``exclude`` are searched
        as if the index did not hold them (leave-entry-out measurements)."""
        if not query.strip() or top_k <= 0:
            return []
        retrieval = self.retrieve(query, filters)
        ranked = self.rank(query, retrieval, exclude=exclude)[:top_k]
        passages = self._passages(query, retrieval.vector, ranked)
        return [Hit(passage=passages[candidate.pos], score=round(candidate.score, 4)) for candidate in ranked]

    def retrieve(self, query: str, filters: Filters = Filters(), spell_identifiers: bool = True) -> Retrieval:
        """Run every retriever once. A question's camelCase identifiers are also spelled out for the
        embedding model; an error message is matched by its own words (``spell_identifiers=False``)."""
        # Full-text search runs beside the encoding and the dense searches: SQLite (or a Milvus server)
        # works without the GIL, and on a large archive BM25 over every matching entry takes longest.
        lexical = self._helpers.submit(self.index.bm25_entries, query, filters)
        vector = self.encode_query(_spelled_out(query) if spell_identifiers else query)
        vids, positions = self.index.allowed(filters)
        return Retrieval(
            vector=vector,
            dense_chunks=self.index.dense_chunks(vector, self.depth, vids),
            dense_leads=self.index.dense_leads(vector, self.depth, positions),
            bm25_entries=lexical.result(),
        )

    def rank(self, query: str, retrieval: Retrieval, also: Iterable[int] = (),
             exclude: Collection[int] = ()) -> list[Candidate]:
        """Every candidate entry (and the entries at ``also``) with exact evidence and score, best first,
        but none at ``exclude``."""
        scored = self.score(retrieval, also, exclude)
        candidates = [Candidate(pos, Evidence(chunk=chunk, lead=lead, bm25=bm25), score)
                      for pos, chunk, lead, bm25, score in zip(scored.positions.tolist(), scored.chunk.tolist(),
                                                               scored.lead.tolist(), scored.bm25.tolist(),
                                                               scored.score.tolist())]
        return sorted(candidates, key=lambda candidate: (-candidate.score, candidate.pos))

    def score(self, retrieval: Retrieval, also: Iterable[int] = (), exclude: Collection[int] = ()) -> Scored:
        """``rank``'s candidates and evidence as columns, by ascending pos (thousands at once for a
        pasted error on a large archive)."""
        excluded = set(exclude)
        matched = retrieval.bm25_entries
        keys = np.fromiter(matched, dtype=np.int64, count=len(matched))
        values = np.fromiter(matched.values(), dtype=np.float64, count=len(matched))
        if excluded:
            kept = ~np.isin(keys, list(excluded))
            keys, values = keys[kept], values[kept]
        best_lexical = keys[np.argsort(-values, kind="stable")[: self.depth]]  # ties: the order SQLite gave
        found = ({int(self.index.chunk_entry[vid]) for vid, _ in retrieval.dense_chunks}
                 | {pos for pos, _ in retrieval.dense_leads} | set(best_lexical.tolist()) | set(also))
        positions = np.array(sorted(found - excluded), dtype=np.int64)
        if not len(positions):
            return Scored(positions, *(np.zeros(0) for _ in range(4)))
        leads = np.asarray(self.index.lead_similarities(positions.tolist(), retrieval.vector), dtype=np.float64)
        chunks = np.asarray(self.best_chunk_similarities(positions.tolist(), retrieval.vector), dtype=np.float64)
        best_bm25 = float(values.max()) if len(values) else 0.0
        bm25 = np.array([matched.get(pos, 0.0) for pos in positions.tolist()]) / (best_bm25 or 1.0)
        return Scored(positions, chunks, leads, bm25, self.weights.combine(chunks, leads, bm25))

    def best_chunk_similarities(self, positions: list[int], vector: np.ndarray) -> np.ndarray:
        """For each entry at ``positions``, the cosine of its best chunk with ``vector`` (one batched read)."""
        # Chunks are stored entry by entry (chunk_entry is sorted): each entry's chunks are one run of vids.
        wanted = np.asarray(positions)
        first = np.searchsorted(self.index.chunk_entry, wanted, side="left")
        counts = np.searchsorted(self.index.chunk_entry, wanted, side="right") - first
        starts = np.cumsum(counts) - counts  # where each entry's run begins among the vids read
        vids = np.arange(int(counts.sum())) + np.repeat(first - starts, counts)
        return np.maximum.reduceat(self.index.chunk_similarities(vids, vector), starts)

    def _passages(self, query: str, vector: np.ndarray, ranked: list[Candidate]) -> dict[int, Passage]:
        """For each entry, the chunk that matches best by meaning, with a nudge for the query's words."""
        shortlist: dict[int, list[tuple[int, float]]] = {}
        every = [vid for candidate in ranked for vid in self.index.chunk_vids(candidate.pos)]
        found = dict(zip(every, self.index.chunk_similarities(every, vector)))  # one batched read
        for candidate in ranked:
            vids = list(self.index.chunk_vids(candidate.pos))
            similarities = np.array([found[vid] for vid in vids])
            order = np.argsort(-similarities)[:PASSAGE_SHORTLIST]
            shortlist[candidate.pos] = [(vids[i], float(similarities[i])) for i in order]
        passages = self.index.passages([vid for pairs in shortlist.values() for vid, _ in pairs])
        terms = query_terms(query)
        return {
            pos: passages[max(pairs,
                              key=lambda pair: pair[1] + self.weights.bm25 * _overlap(terms, passages[pair[0]]))[0]]
            for pos, pairs in shortlist.items()
        }


def _overlap(terms: set[str], passage: Passage) -> float:
    """The share of the query's words that appear in a chunk's section and text."""
    if not terms:
        return 0.0
    return len(terms & query_terms(f"{passage.section} {passage.text}")) / len(terms)


def _spelled_out(query: str) -> str:
    """The query with its camelCase identifiers also spelled as words, which the embedding model
    understands ("useDebounce" -> "useDebounce (use debounce)")."""
    parts = identifier_parts(query)
    return f"{query} ({' '.join(parts)})" if parts else query


def open_searcher(settings) -> Searcher:
    """Open the live index and the encoder it was built with (one model load for many queries)."""
    from embeddings.encoder import load_encoder, model_id_for
    from embeddings.manifest import REBUILD
    from embeddings.snapshots import store_for
    from khub.errors import IndexMismatchError

    index = store_for(settings).open()
    backend = index.manifest.backend
    if model_id_for(backend) != index.manifest.model_id:
        raise IndexMismatchError(
            f"the index at {settings.index_dir} was built with {index.manifest.model_id}, but the installed "
            f"model is {model_id_for(backend)}; {REBUILD}"
        )
    encoder = load_encoder(backend, settings.model_cache_dir, settings.threads)
    return Searcher(index, lambda query: encoder.encode([query])[0], encode_texts=encoder.encode)

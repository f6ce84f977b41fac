"""Fuse the evidence of several retrievers into one ranking.

khub ranks candidate entries by a weighted sum of exact evidence (``Evidence``): the cosine of the
entry's best chunk, the cosine of its lead vector, and its BM25 score relative to the best one.
Reciprocal rank fusion is kept for comparison; on the dev questions the evidence sum ranked better
(nDCG@10 0.850 vs 0.825, Recall@10 0.906 vs 0.893; bench/retrieval.py prints both).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

Number = TypeVar("Number", float, np.ndarray)

RRF_K = 60  # the constant from Cormack et al. (2009); damps the weight of top ranks


@dataclass(frozen=True)
class Evidence:
    """How well one entry matches a query, by each retriever (0 when a retriever finds nothing)."""

    chunk: float  # cosine similarity of the entry's best chunk
    lead: float  # cosine similarity of the entry's lead vector (title and opening)
    bm25: float  # BM25 over title, tags and body, divided by the best candidate's BM25: 0..1


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts. Chosen on the dev questions from a plateau where
    lead in 0.7–1.1 and bm25 in 0.3–0.45 all score nDCG@10 ≥ 0.84 and Recall@10 ≥ 0.90."""

    chunk: float = 1.0
    lead: float = 1.0
    bm25: float = 0.35

    def combine(self, chunk: Number, lead: Number, bm25: Number) -> Number:
        """The weighted sum of the evidence (numbers, or arrays of many candidates'): higher is better."""
        return self.chunk * chunk + self.lead * lead + self.bm25 * bm25


def fused_score(evidence: Evidence, weights: Weights = Weights()) -> float:
    """The weighted sum of the evidence: higher is better."""
    return weights.combine(evidence.chunk, evidence.lead, evidence.bm25)


def reciprocal_rank_fusion(
    rankings: Mapping[str, Sequence[Hashable]], weights: Mapping[str, float] | None = None, k: int = RRF_K
) -> dict[Hashable, float]:
    """Score each item by the sum over rankings of weight / (k + rank); rank 1 is best."""
    scores: dict[Hashable, float] = {}
    for name, ranking in rankings.items():
        weight = 1.0 if weights is None else weights.get(name, 1.0)
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores

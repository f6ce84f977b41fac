"""Fuse ranked lists from several retrievers into one ranking."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

RRF_K = 60  # the constant from Cormack et al. (2009); damps the weight of top ranks


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


def best_per_group(scored: Sequence[tuple[Hashable, float]], group_of: Mapping[Hashable, Hashable]) -> list[tuple[Hashable, Hashable, float]]:
    """Keep the best-scored item of each group: (group, item, score), best first."""
    best: dict[Hashable, tuple[Hashable, float]] = {}
    for item, score in scored:
        group = group_of[item]
        if group not in best or score > best[group][1]:
            best[group] = (item, score)
    ranked = sorted(best.items(), key=lambda pair: -pair[1][1])
    return [(group, item, score) for group, (item, score) in ranked]

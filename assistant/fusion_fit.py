"""Fit the fusion weights (``assistant/fuse.py``) by cross-validation and score them out-of-fold.

Each question's candidates and their exact evidence are gathered once; then, in each of five folds
that hold whole targets out (questions sharing a relevant entry stay together), the weights that
rank the training questions best (mean nDCG@10, over a grid) rank the held-out ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.evaluate import Question, Scores, mean_scores, ndcg_at
from assistant.folds import target_groups
from assistant.fuse import Evidence, Weights, fused_score

GRID = tuple(Weights(lead=lead, bm25=bm25) for lead in (0.5, 0.7, 0.85, 1.0, 1.15, 1.3, 1.5)
             for bm25 in (0.15, 0.25, 0.35, 0.45, 0.6))
FOLDS = 5

Candidates = list[tuple[str, Evidence]]  # (entry id, evidence) of one question


@dataclass(frozen=True)
class FusionFigures:
    """Out-of-fold figures overall and per question kind, and the weights each fold chose."""

    overall: Scores
    by_kind: dict[str, Scores]
    chosen: tuple[Weights, ...]


def ranking(candidates: Candidates, weights: Weights) -> list[str]:
    scored = sorted(candidates, key=lambda item: (-fused_score(item[1], weights), item[0]))
    return [entry for entry, _ in scored]


def best_weights(questions: Sequence[Question], candidates: Sequence[Candidates],
                 grid: Sequence[Weights] = GRID) -> Weights:
    """The grid's weights with the best mean nDCG@10 on these questions (the first of equals)."""
    def quality(weights: Weights) -> float:
        return (sum(ndcg_at(ranking(c, weights), q.grades, 10) for q, c in zip(questions, candidates))
                / max(1, len(questions)))

    return max(grid, key=quality)


def out_of_fold(questions: Sequence[Question], gather: Callable[[Question], Candidates],
                grid: Sequence[Weights] = GRID, folds: int = FOLDS) -> FusionFigures:
    """Every answerable question ranked by weights chosen without its fold."""
    from sklearn.model_selection import GroupKFold

    answerable = [q for q in questions if q.grades]
    candidates = [gather(q) for q in answerable]
    rankings: list[list[str]] = [[] for _ in answerable]
    chosen = []
    groups = target_groups([q.grades for q in answerable])
    for train, test in GroupKFold(folds).split(answerable, groups=groups):
        weights = best_weights([answerable[i] for i in train], [candidates[i] for i in train], grid)
        chosen.append(weights)
        for i in test:
            rankings[i] = ranking(candidates[i], weights)
    kinds = sorted({q.type for q in answerable})
    return FusionFigures(
        overall=mean_scores((r, q.grades) for r, q in zip(rankings, answerable)),
        by_kind={kind: mean_scores((r, q.grades) for r, q in zip(rankings, answerable) if q.type == kind)
                 for kind in kinds},
        chosen=tuple(chosen),
    )

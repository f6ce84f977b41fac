"""Fit the diagnosis ranker on real cases, and measure it honestly with grouped cross-validation.

A case is a real paste labelled with the entries that explain it (none when the archive lacks the
error). Each case is examined once (parse, match, search: the evidence does not depend on the
model); then:

- ``fit`` trains two logistic regressions (scikit-learn): a ranking model on pairs of candidates of
  the same paste (the right entry against a wrong one), then a confidence model on the top
  candidates of every paste and leave-entry-out run (is this one right?). The confidence threshold
  is chosen on the same training cases: the one that best separates right top answers from wrong
  ones and from pastes whose error the archive lacks.
- ``cross_validate`` scores every case with a model fitted without its error: folds hold whole
  targets (cases sharing a labelled entry stay together; errors the archive lacks are grouped by
  ecosystem and type), so a case is never ranked by a model that saw its entry.
- Leave-entry-out: every case whose error the archive has is asked again with its entries removed
  (and the parent-class entries the product could fall back to), which makes honest "no match"
  cases. The product must then not be confident.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.diagnose.diagnosis import Diagnoser, Examination, best_pairs, rank_entries
from assistant.diagnose.features import prior
from assistant.diagnose.hierarchy import ancestors
from assistant.diagnose.match import type_name
from assistant.diagnose.paste import PasteError
from assistant.diagnose.ranker import CONFIDENCE_FEATURES, Ranker
from assistant.folds import target_groups

FOLDS = 5
REGULARISATION = 1.0  # scikit-learn's C; the features are few and standardised


@dataclass(frozen=True)
class Case:
    """A labelled real paste: {"id", "text", "grades" or "relevant", "ecosystem" or "tool"}."""

    id: str
    text: str
    grades: dict[str, int]
    group: str  # the ecosystem, for per-ecosystem figures
    origin: str = ""  # the file it came from


@dataclass
class Examined:
    """A case with its evidence, and which candidate positions are right or to leave out."""

    case: Case
    examination: Examination | None  # None when the paste holds no error the parsers recognise
    relevant: dict[int, int] = field(default_factory=dict)  # pos -> grade
    family: frozenset[int] = frozenset()  # left out for leave-entry-out: relevant + parent-class entries
    names: dict[int, str] = field(default_factory=dict)  # pos -> entry id, for every candidate
    curated: frozenset[int] = frozenset()  # candidates the hub wrote itself (they lead at equal scores)

    @property
    def in_archive(self) -> bool:
        return bool(self.case.grades)


@dataclass(frozen=True)
class Outcome:
    """How one case came out: the ranking, the top score and whether it was confident."""

    case: Case
    ranked: tuple[str, ...]
    top_score: float
    confident: bool
    left_out: bool = False  # a leave-entry-out run: the archive's answer was removed

    @property
    def hit_at_1(self) -> bool:
        return bool(self.ranked) and self.ranked[0] in self.case.grades and not self.left_out


def load_cases(paths: Iterable[Path]) -> list[Case]:
    """Read labelled cases from JSON lines files, or every ``*.jsonl`` of a folder."""
    cases = []
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            for line in file.read_text(encoding="utf-8").split("\n"):
                if line.strip():
                    raw = json.loads(line)
                    grades = raw.get("grades") or {entry: 1 for entry in raw.get("relevant", [])}
                    cases.append(Case(str(raw["id"]), raw["text"], {k: int(v) for k, v in grades.items()},
                                      raw.get("ecosystem") or raw.get("tool", ""), file.name))
    return cases


def examine_cases(diagnoser: Diagnoser, cases: Sequence[Case], progress=None) -> list[Examined]:
    """Examine every case once; the evidence is reused by every fit and fold."""
    index = diagnoser.searcher.index
    examined = []
    for case in cases:
        try:
            examination = diagnoser.examine(case.text)
        except PasteError:
            examination = None
        relevant = {pos: grade for entry, grade in case.grades.items() if (pos := index.position(entry)) is not None}
        names = {pos: index.entry_ids[pos] for pos in (examination.evidence if examination else ())}
        curated = frozenset(pos for pos in names if diagnoser.curated(pos))
        examined.append(Examined(case, examination, relevant, _family(diagnoser, examination, relevant), names,
                                 curated))
        if progress:
            progress()
    return examined


def _family(diagnoser: Diagnoser, examination: Examination | None, relevant: dict[int, int]) -> frozenset[int]:
    """The entries a leave-entry-out run removes: the labelled ones and the parent-class entries of the
    paste's errors, which the product rightly falls back to when the class's own entry is missing."""
    if not relevant or examination is None:
        return frozenset(relevant)
    parents = {type_name(name) for error in examination.errors for name in ancestors(error.ecosystem, error.error_type)}
    fallbacks = {pos for pos in examination.evidence
                 if (entry := diagnoser.catalog.entry(pos)) is not None and entry.error_type in parents}
    return frozenset(relevant) | fallbacks


def fit(examined: Sequence[Examined]) -> Ranker:
    """Both models fitted on these cases (ranking, then confidence), and the confidence threshold."""
    weights = _fit_ranking(examined)
    unfitted = Ranker(weights, tuple(0.0 for _ in CONFIDENCE_FEATURES), 0.0, 0.5)
    values, labels, sample_weights = _confidence_rows(unfitted, examined)
    model = _logistic(values, labels, sample_weights, intercept=True)
    ranker = Ranker(weights, model[0], model[1], 0.5)
    return Ranker(weights, model[0], model[1], choose_threshold(outcomes(ranker, examined)))


def _case_weights(examined: Sequence[Examined]) -> dict[str, float]:
    """How much each case counts: every paste once, and the ecosystems more evenly (a paste of a
    small ecosystem counts more), so that the hundreds of compiler cases do not drown the few of a
    database or a framework."""
    sizes: dict[str, int] = defaultdict(int)
    for item in examined:
        sizes[item.case.group] += 1
    return {item.case.id: 1 / np.sqrt(sizes[item.case.group]) for item in examined}


def _fit_ranking(examined: Sequence[Examined]) -> tuple[float, ...]:
    """Ranking weights from pairs (a right candidate, a wrong one) of the same paste: the model learns
    the difference, so what every candidate of a paste shares cancels out."""
    differences, weights = [], []
    case_weight = _case_weights(examined)
    for item in examined:
        if item.examination is None or not item.relevant:
            continue
        rows = {pos: max(pairs, key=prior).values for pos, pairs in item.examination.evidence.items()}
        right = [np.array(rows[pos]) for pos in rows if pos in item.relevant]
        wrong = [np.array(rows[pos]) for pos in rows if pos not in item.relevant]
        pairs = [r - w for r in right for w in wrong]
        if not pairs:
            continue
        differences.extend(pairs)
        weights.extend([case_weight[item.case.id] / len(pairs)] * len(pairs))
    if not differences:
        raise ValueError("fitting needs cases whose right entries are among the candidates; label more cases")
    values = np.array(differences)
    both = np.vstack([values, -values])  # each pair both ways round: a symmetric problem, no intercept
    labels = np.concatenate([np.ones(len(values)), np.zeros(len(values))])
    coefficients, _ = _logistic(both, labels, np.concatenate([weights, weights]), intercept=False)
    return coefficients


def _confidence_rows(ranker: Ranker, examined: Sequence[Examined],
                     top: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The top few candidates of every paste (and of every leave-entry-out run), ranked by ``ranker``:
    their features and ranking score, and whether each is a right answer."""
    rows, labels, weights = [], [], []
    case_weight = _case_weights(examined)
    for item in examined:
        if item.examination is None:
            continue
        runs = [frozenset(), item.family] if item.relevant else [frozenset()]
        for exclude in runs:
            best = best_pairs(item.examination, ranker, exclude)
            for pos, score, values in zip(best.positions[:top].tolist(), best.scores[:top].tolist(),
                                          best.values[:top].tolist()):
                rows.append([*values, score])
                labels.append(pos in item.relevant and not exclude)
                weights.append(case_weight[item.case.id] / min(top, len(best.positions)))
    return np.array(rows), np.array(labels, dtype=bool), np.array(weights)


def _logistic(values: np.ndarray, labels: np.ndarray, weights: np.ndarray,
              intercept: bool) -> tuple[tuple[float, ...], float]:
    """A regularised logistic regression (scikit-learn) on standardised columns, returned in raw units."""
    from sklearn.linear_model import LogisticRegression  # only fitting needs scikit-learn

    if labels.all() or not labels.any():
        raise ValueError("fitting needs both right and wrong answers among the cases; label more cases")
    scale = values.std(axis=0)
    scale[scale == 0] = 1.0
    mean = values.mean(axis=0) if intercept else np.zeros(values.shape[1])
    model = LogisticRegression(C=REGULARISATION, max_iter=5000, fit_intercept=intercept)
    model.fit((values - mean) / scale, labels, sample_weight=weights)
    coefficients = model.coef_[0] / scale
    offset = float(model.intercept_[0] - (model.coef_[0] * mean / scale).sum()) if intercept else 0.0
    return tuple(float(c) for c in coefficients), offset


def outcomes(ranker: Ranker, examined: Sequence[Examined], leave_entry_out: bool = True) -> list[Outcome]:
    """Every case ranked by ``ranker``, and its leave-entry-out run when the archive has its error."""
    found = []
    for item in examined:
        found.append(_outcome(ranker, item, frozenset()))
        if leave_entry_out and item.in_archive and item.examination is not None:
            found.append(_outcome(ranker, item, item.family))
    return found


def _outcome(ranker: Ranker, item: Examined, exclude: frozenset[int]) -> Outcome:
    if item.examination is None:
        return Outcome(item.case, (), 0.0, False, bool(exclude))
    ranked = rank_entries(item.examination, ranker, item.curated.__contains__, exclude, limit=10)
    top = ranked[0][1] if ranked else 0.0
    return Outcome(item.case, tuple(item.names[pos] for pos, _, _ in ranked), top, top >= ranker.threshold,
                   bool(exclude))


# A product decision, not a fitted value: a confident wrong answer costs one and a half right ones,
# because a developer who follows a wrong fix loses more than one who is told to look further.
# (Cross-validated over the real cases, 1.0 left 0.948 of unknown errors unsure, 1.5 leaves 0.959 and
# keeps 0.910 of known ones confident; 2.0 drops that to 0.899.)
WRONG_COST = 1.5


def choose_threshold(found: Sequence[Outcome]) -> float:
    """The confidence at which answering pays most: the share of in-archive pastes answered right and
    confidently, less WRONG_COST times the shares answered confidently and wrongly (a wrong top entry,
    or any entry for an error the archive lacks)."""
    inside = [o for o in found if o.case.grades and not o.left_out]
    outside = [o for o in found if not o.case.grades or o.left_out]
    candidates = sorted({round(o.top_score, 4) for o in found} | {0.5})
    best, best_value = 0.5, -np.inf
    for threshold in candidates:
        sure = [o for o in inside if o.top_score >= threshold]
        right = sum(o.hit_at_1 for o in sure) / max(1, len(inside))
        wrong = (len(sure) - sum(o.hit_at_1 for o in sure)) / max(1, len(inside))
        false = sum(o.top_score >= threshold for o in outside) / max(1, len(outside))
        value = right - WRONG_COST * (wrong + false)
        if value > best_value:
            best, best_value = threshold, value
    return best


def groups(examined: Sequence[Examined]) -> list[str]:
    """A fold group per case: cases sharing a labelled entry are one group; a case the archive lacks
    is grouped with the others of its ecosystem and error type."""
    def kind(item: Examined) -> str:
        first = item.examination.signatures[0] if item.examination else None
        return f"{item.case.group}:{first.error_type if first else ''}"

    return target_groups([item.case.grades for item in examined], [kind(item) for item in examined])


def cross_validate(examined: Sequence[Examined], folds: int = FOLDS) -> tuple[list[Outcome], list[float]]:
    """Out-of-fold outcomes for every case (and its leave-entry-out run), and each fold's threshold."""
    from sklearn.model_selection import GroupKFold

    keys = groups(examined)
    found: list[Outcome] = []
    thresholds = []
    for train, test in GroupKFold(n_splits=folds).split(np.zeros(len(examined)), groups=keys):
        ranker = fit([examined[i] for i in train])
        thresholds.append(ranker.threshold)
        found.extend(outcomes(ranker, [examined[i] for i in test]))
    return found, thresholds


@dataclass
class Figures:
    """Figures for one group of outcomes."""

    cases: int = 0
    in_archive: int = 0
    hit_at_1: float = 0.0
    hit_at_3: float = 0.0
    mrr: float = 0.0
    confident_in: float = 0.0  # share of in-archive pastes answered confidently
    right_if_confident: float = 0.0  # share of confident top answers that are right
    unsure_out: int = 0  # how many pastes the archive lacks (leave-entry-out runs included)
    unsure_out_share: float = 0.0  # the share of them with no confident match


def figures(found: Sequence[Outcome]) -> Figures:
    inside = [o for o in found if o.case.grades and not o.left_out]
    outside = [o for o in found if not o.case.grades or o.left_out]
    confident = [o for o in inside if o.confident]
    count = max(1, len(inside))
    return Figures(
        cases=len({o.case.id for o in found}), in_archive=len(inside),
        hit_at_1=sum(o.hit_at_1 for o in inside) / count,
        hit_at_3=sum(bool(set(o.ranked[:3]) & set(o.case.grades)) for o in inside) / count,
        mrr=sum(next((1 / k for k, e in enumerate(o.ranked, 1) if e in o.case.grades), 0.0) for o in inside) / count,
        confident_in=len(confident) / count,
        right_if_confident=sum(o.hit_at_1 for o in confident) / max(1, len(confident)),
        unsure_out=len(outside),
        unsure_out_share=sum(not o.confident for o in outside) / max(1, len(outside)),
    )


def figures_by_group(found: Sequence[Outcome]) -> dict[str, Figures]:
    by_group: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in found:
        by_group[outcome.case.group].append(outcome)
    return {name: figures(group) for name, group in sorted(by_group.items())}

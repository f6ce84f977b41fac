"""Score search against labelled questions: Recall@k, MRR@10 and nDCG@10 with graded gains.

A question is ``{"id", "query", "type", "relevant": [entry ids], "grades": {id: 2 or 1}}``.
Unanswerable questions (no relevant entries) are counted but not scored here. nDCG uses the
grade itself as the gain (2 = answers it, 1 = partly), discounted by log2(rank + 1).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from khub.errors import EvaluationError

HUB_PREFIXES = ("qa/", "error/", "snippet/", "path/", "article/")


@dataclass(frozen=True)
class Question:
    """One labelled question."""

    id: str
    query: str
    type: str
    grades: dict[str, int]


@dataclass
class Scores:
    """Mean metrics over a set of questions."""

    questions: int = 0
    recall_at_5: float = 0.0
    recall_at_10: float = 0.0
    mrr_at_10: float = 0.0
    ndcg_at_10: float = 0.0


@dataclass
class EvalReport:
    """Overall scores, scores per question type, and the misses worth reading."""

    overall: Scores
    by_type: dict[str, Scores]
    public_only: Scores
    unanswerable: int
    missing_ids: list[str]
    misses: list[dict] = field(default_factory=list)
    mean_ms: float = 0.0


def load_questions(path: Path) -> list[Question]:
    """Read a questions file, naming the line of any malformed question."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            grades = raw.get("grades") or {entry: 1 for entry in raw.get("relevant", [])}
            questions.append(Question(str(raw["id"]), raw["query"], raw.get("type", ""),
                                      {k: int(v) for k, v in grades.items()}))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise EvaluationError(f"{path}:{number}: not a labelled question ({exc}); "
                                  'expected {"id", "query", "relevant", "grades"}') from exc
    return questions


def recall_at(ranked: Sequence[str], grades: dict[str, int], k: int) -> float:
    return len(set(ranked[:k]) & set(grades)) / len(grades)


def mrr_at(ranked: Sequence[str], grades: dict[str, int], k: int) -> float:
    return next((1.0 / rank for rank, entry in enumerate(ranked[:k], start=1) if entry in grades), 0.0)


def ndcg_at(ranked: Sequence[str], grades: dict[str, int], k: int) -> float:
    dcg = sum(grades.get(entry, 0) / math.log2(rank + 1) for rank, entry in enumerate(ranked[:k], start=1))
    ideal = sum(grade / math.log2(rank + 1)
                for rank, grade in enumerate(sorted(grades.values(), reverse=True)[:k], start=1))
    return dcg / ideal if ideal else 0.0


def mean_scores(runs: Iterable[tuple[Sequence[str], dict[str, int]]]) -> Scores:
    """Average the metrics over (ranked ids, grades) pairs that have at least one label."""
    runs = [(ranked, grades) for ranked, grades in runs if grades]
    if not runs:
        return Scores()
    count = len(runs)
    return Scores(
        questions=count,
        recall_at_5=sum(recall_at(r, g, 5) for r, g in runs) / count,
        recall_at_10=sum(recall_at(r, g, 10) for r, g in runs) / count,
        mrr_at_10=sum(mrr_at(r, g, 10) for r, g in runs) / count,
        ndcg_at_10=sum(ndcg_at(r, g, 10) for r, g in runs) / count,
    )


def evaluate(questions: Sequence[Question], rank: Callable[[str], list[str]],
             known: Callable[[str], bool]) -> EvalReport:
    """Run ``rank`` (query → entry ids, best first) on every question and score it."""
    runs: list[tuple[Question, list[str]]] = []
    started = time.perf_counter()
    for question in questions:
        runs.append((question, rank(question.query)))
    elapsed = time.perf_counter() - started
    answerable = [(q, ranked) for q, ranked in runs if q.grades]
    by_type: dict[str, list] = {}
    for question, ranked in answerable:
        by_type.setdefault(question.type, []).append((ranked, question.grades))
    public = [(ranked, _public_grades(q.grades)) for q, ranked in answerable]
    labelled = sorted({entry for q in questions for entry in q.grades})
    return EvalReport(
        overall=mean_scores((ranked, q.grades) for q, ranked in answerable),
        by_type={name: mean_scores(pairs) for name, pairs in sorted(by_type.items())},
        public_only=mean_scores((_public_ranked(ranked), grades) for ranked, grades in public),
        unanswerable=len(runs) - len(answerable),
        missing_ids=[entry for entry in labelled if not known(entry)],
        misses=[_miss(q, ranked) for q, ranked in answerable if not set(ranked[:10]) & set(q.grades)],
        mean_ms=1000 * elapsed / max(1, len(runs)),
    )


def _public_grades(grades: dict[str, int]) -> dict[str, int]:
    return {entry: grade for entry, grade in grades.items() if not entry.startswith(HUB_PREFIXES)}


def _public_ranked(ranked: Sequence[str]) -> list[str]:
    """Rankings with the hub's own entries removed, as the public-only reference scores were made."""
    return [entry for entry in ranked if not entry.startswith(HUB_PREFIXES)]


def _miss(question: Question, ranked: list[str]) -> dict:
    return {"id": question.id, "query": question.query, "relevant": sorted(question.grades), "got": ranked[:5]}


# --- diagnosis -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trace:
    """One labelled paste: {"id", "text", "relevant", "grades", "tool"}; no relevant ids = not in the archive."""

    id: str
    text: str
    relevant: frozenset[str]
    group: str  # the ecosystem or tool, for per-group figures


@dataclass
class DiagnosisScores:
    """Figures for one group of traces."""

    traces: int = 0
    in_archive: int = 0
    hit_at_1: float = 0.0
    hit_at_3: float = 0.0
    mrr: float = 0.0
    confident_when_in_archive: float = 0.0
    unsure_when_not_in_archive: float = 0.0  # the share of out-of-archive pastes with no confident match


@dataclass
class DiagnosisReport:
    """Figures overall and per group, the misses, and the time per paste."""

    overall: DiagnosisScores
    by_group: dict[str, DiagnosisScores]
    misses: list[dict]
    mean_ms: float


def load_traces(path: Path) -> list[Trace]:
    """Read labelled traces (the dev set's format; an "ecosystem" field, if present, names the group)
    from a JSON lines file, or from every ``*.jsonl`` file of a folder."""
    if path.is_dir():
        return [trace for part in sorted(path.glob("*.jsonl")) for trace in load_traces(part)]
    traces = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            traces.append(Trace(str(raw["id"]), raw["text"], frozenset(raw.get("relevant", [])),
                                raw.get("ecosystem") or raw.get("tool", "")))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvaluationError(f"{path}:{number}: not a labelled trace ({exc}); "
                                  'expected {"id", "text", "relevant"}') from exc
    return traces


def evaluate_diagnosis(traces: Sequence[Trace], diagnose: Callable[[str], tuple[list[str], bool]]) -> DiagnosisReport:
    """Run ``diagnose`` (text -> (entry ids best first, confident)) on every trace and score it."""
    results = []
    started = time.perf_counter()
    for trace in traces:
        ranked, confident = diagnose(trace.text)
        results.append((trace, ranked, confident))
    elapsed = time.perf_counter() - started
    groups: dict[str, list] = {}
    for result in results:
        groups.setdefault(result[0].group, []).append(result)
    misses = [{"id": t.id, "want": sorted(t.relevant), "got": ranked[:3], "confident": confident}
              for t, ranked, confident in results
              if (t.relevant and not (ranked[:1] and ranked[0] in t.relevant)) or (not t.relevant and confident)]
    return DiagnosisReport(_diagnosis_scores(results),
                           {name: _diagnosis_scores(group) for name, group in sorted(groups.items())},
                           misses, 1000 * elapsed / max(1, len(results)))


def _diagnosis_scores(results: list) -> DiagnosisScores:
    inside = [(t, ranked, confident) for t, ranked, confident in results if t.relevant]
    outside = [confident for t, _, confident in results if not t.relevant]
    count = len(inside) or 1
    return DiagnosisScores(
        traces=len(results), in_archive=len(inside),
        hit_at_1=sum(bool(r[:1]) and r[0] in t.relevant for t, r, _ in inside) / count,
        hit_at_3=sum(bool(set(r[:3]) & t.relevant) for t, r, _ in inside) / count,
        mrr=sum(next((1 / k for k, e in enumerate(r[:10], 1) if e in t.relevant), 0.0) for t, r, _ in inside) / count,
        confident_when_in_archive=sum(c for _, _, c in inside) / count,
        unsure_when_not_in_archive=(sum(not c for c in outside) / len(outside)) if outside else 0.0,
    )

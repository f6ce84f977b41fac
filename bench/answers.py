"""Measure cited answers on the dev questions, per answer mode, and sweep the refusal threshold.

For each mode: the share of answerable questions answered (not refused) with at least one relevant
entry cited, the share of citation markers that are valid, faithfulness (the share of sentences
their citations support), unanswerable questions refused, answerable ones wrongly refused, and
time per answer. Then, for the default mode, how the refusal threshold trades the last two.

With ``--fit``, instead: fit the refusal decision (assistant/refusal_fit.py) and print its
out-of-fold refusal rates per question kind, for the shipped signals and the alternatives, then
write assistant/refusal.json from all the questions (and the mined ones).

Usage (the index must hold corpus/ and the public corpus):
    python bench/answers.py [--modes extractive,local] [--limit N] [--json]
    python bench/answers.py --fit
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import khub  # noqa: E402,F401
from assistant.answer import open_assistant  # noqa: E402
from assistant.evaluate import load_questions  # noqa: E402
from khub.settings import Settings  # noqa: E402

QUESTIONS = ROOT.parent / "shared" / "eval" / "dev" / "questions.jsonl"


def run_mode(assistant, questions, mode: str) -> dict:
    rows = []
    for question in questions:
        started = time.perf_counter()
        answer = assistant.ask(question.query, model=mode).answer()
        rows.append({"id": question.id, "kind": question.type, "answerable": bool(question.grades),
                     "refused": answer.refused, "cited": [c.passage.entry_id for c in answer.citations],
                     "relevant": sorted(question.grades),
                     "invalid": answer.invalid_markers, "faithfulness": answer.faithfulness,
                     "top_score": answer.nearest[0].score if answer.nearest else 0.0, "mode": answer.mode,
                     "seconds": time.perf_counter() - started, "notices": list(answer.notices)})
    return {"summary": summarise(rows), "by_kind": by_kind(rows), "rows": rows}


def by_kind(rows: list[dict]) -> dict:
    """Per question kind: the share refused, and of the answerable ones, answered citing a relevant entry."""
    kinds: dict[str, list[dict]] = {}
    for row in rows:
        kinds.setdefault(row["kind"], []).append(row)
    return {kind: {"questions": len(group), "refused": sum(r["refused"] for r in group) / len(group),
                   "answered_with_relevant_citation": (
                       sum(not r["refused"] and bool(set(r["cited"]) & set(r["relevant"])) for r in group) / len(group)
                       if group[0]["answerable"] else None)}
            for kind, group in sorted(kinds.items())}


def summarise(rows: list[dict]) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    answered = [r for r in answerable if not r["refused"]]
    markers_total = sum(len(r["cited"]) + r["invalid"] for r in rows) or 1
    return {
        "answered_with_relevant_citation": sum(bool(set(r["cited"]) & set(r["relevant"])) for r in answered)
                                           / len(answerable),
        "valid_markers": 1 - sum(r["invalid"] for r in rows) / markers_total,
        "faithfulness": statistics.mean(r["faithfulness"] for r in answered) if answered else 0.0,
        "unanswerable_refused": sum(r["refused"] for r in unanswerable) / max(1, len(unanswerable)),
        "answerable_refused": sum(r["refused"] for r in answerable) / len(answerable),
        "seconds_per_answer": statistics.median(r["seconds"] for r in rows),
        "fell_back_to_extractive": sum(r["mode"] == "extractive" for r in rows if not r["refused"]),
    }


def sweep(rows: list[dict]) -> list[dict]:
    """Refusal rates if the threshold were elsewhere (from the top search score of each question)."""
    result = []
    for threshold in [round(0.95 + 0.025 * step, 3) for step in range(11)]:
        refused = [dict(r, refused=r["top_score"] < threshold) for r in rows]
        summary = summarise(refused)
        result.append({"threshold": threshold, "unanswerable_refused": summary["unanswerable_refused"],
                       "answerable_refused": summary["answerable_refused"]})
    return result


CANDIDATE_SIGNALS = [("top",), ("top", "margin"), ("top", "unknown"), ("top", "margin", "covered", "unknown")]


def fit_refusal(settings: Settings, questions, as_json: bool) -> None:
    """Out-of-fold refusal rates per kind for each signal set; the shipped set is then fitted on all."""
    from assistant import refusal_fit
    from assistant.refusal import save_model
    from assistant.search import open_searcher

    searcher = open_searcher(settings)
    samples = refusal_fit.question_samples(searcher, questions)
    mined = refusal_fit.mined_samples(searcher)
    report = {"mined_questions": len(mined), "shipped": list(refusal_fit.MODEL_SIGNALS), "out_of_fold": {}}
    for signals in CANDIDATE_SIGNALS:
        outcomes = refusal_fit.cross_validate(samples, mined, signals)
        report["out_of_fold"]["+".join(signals)] = refusal_fit.figures(outcomes)
    model = refusal_fit.fit(samples + mined)
    save_model(model)
    report["model"] = model.as_json()
    if as_json:
        print(json.dumps(report, indent=2))
        return
    kinds = sorted({kind for figures in report["out_of_fold"].values() for kind in figures})
    print(f"refusal out-of-fold ({len(questions)} dev questions, grouped 5-fold; {len(mined)} mined "
          "leave-technology-out questions train only); share refused:")
    print(f"{'signals':<30}" + "".join(f"{kind[:12]:>13}" for kind in kinds))
    for name, figures in report["out_of_fold"].items():
        print(f"{name:<30}" + "".join(f"{figures.get(kind, {}).get('refused', float('nan')):>13.3f}" for kind in kinds))
    print(f"\nshipped: {report['shipped']}; wrote assistant/refusal.json: {report['model']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modes", default="extractive", help="comma-separated: extractive, local, or litellm models")
    parser.add_argument("--limit", type=int, help="only the first N questions (the local model is slow)")
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--fit", action="store_true", help="fit the refusal decision and write assistant/refusal.json")
    args = parser.parse_args()
    if not QUESTIONS.is_file():
        sys.exit(f"skipped: no dev questions at {QUESTIONS} (they live in ../shared)")
    if args.fit:
        fit_refusal(Settings.from_env(index_dir=args.index_dir), load_questions(QUESTIONS), args.json)
        return
    questions = load_questions(QUESTIONS)[: args.limit]
    assistant = open_assistant(Settings.from_env(index_dir=args.index_dir))
    results = {mode: run_mode(assistant, questions, mode) for mode in args.modes.split(",")}
    first = next(iter(results.values()))
    report = {mode: result["summary"] for mode, result in results.items()}
    report["by_kind"] = {mode: result["by_kind"] for mode, result in results.items()}
    report["threshold_sweep"] = sweep(first["rows"])
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{len(questions)} dev questions ({sum(bool(q.grades) for q in questions)} answerable)\n")
    header = ["answered+relevant cited", "valid markers", "faithfulness", "unanswerable refused",
              "answerable refused", "s/answer", "fell back"]
    keys = ["answered_with_relevant_citation", "valid_markers", "faithfulness", "unanswerable_refused",
            "answerable_refused", "seconds_per_answer", "fell_back_to_extractive"]
    print(f"{'mode':<22}" + "".join(f"{h:>26}" for h in header[:1]) + "".join(f"{h:>15}" for h in header[1:]))
    for mode, summary in ((m, report[m]) for m in results):
        values = [f"{summary[k]:.3f}" if isinstance(summary[k], float) else str(summary[k]) for k in keys]
        print(f"{mode:<22}{values[0]:>26}" + "".join(f"{v:>15}" for v in values[1:]))
    for mode in results:
        print(f"\n{mode}, per question kind (refused; answered citing a relevant entry). The shipped refusal"
              " model was fitted on these questions: `--fit` gives its out-of-fold rates.")
        for kind, figures in report["by_kind"][mode].items():
            cited = figures["answered_with_relevant_citation"]
            print(f"  {kind:<14}{figures['questions']:>4}  refused {figures['refused']:.3f}"
                  + (f"  answered+cited {cited:.3f}" if cited is not None else ""))
    print("\nif one search-score floor decided instead (KHUB_REFUSE_BELOW):")
    for row in report["threshold_sweep"]:
        print(f"  {row['threshold']:.3f}: unanswerable refused {row['unanswerable_refused']:.2f}, "
              f"answerable refused {row['answerable_refused']:.3f}")


if __name__ == "__main__":
    main()

"""Compare retrieval designs on labelled questions: the measurement behind khub's fusion choice.

Runs every design on the same index and prints Recall@5/10, MRR@10 and nDCG@10, over all labels and
over the public labels only (the hub's own ids dropped from labels and results, as the reference
figures in ../shared/FACTS.md were made):

    leads only      one MiniLM vector per entry (title + opening): the usual baseline
    chunks only     best section chunk per entry
    bm25 only       SQLite FTS5 BM25 over title, tags and body
    rrf             reciprocal rank fusion (k=60) of the three rankings above
    evidence sum    khub's default: exact cosine of best chunk + lead + 0.35 × relative BM25

With ``--cv``, instead: the fusion's figures per question kind out-of-fold, its weights chosen in
grouped 5-fold cross-validation (assistant/fusion_fit.py), beside the shipped weights in-sample.

Usage (the index must hold the archive the labels refer to):
    khub ingest corpus ../shared/corpus-public/entries.jsonl
    python bench/retrieval.py [--index-dir DIR] [--questions FILE] [--json] [--cv]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import khub  # noqa: E402,F401  (quiet, offline environment first)
from assistant.evaluate import evaluate, load_questions  # noqa: E402
from assistant.fuse import reciprocal_rank_fusion  # noqa: E402
from assistant.search import Retrieval, Searcher, open_searcher  # noqa: E402
from khub.settings import Settings  # noqa: E402

DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev" / "questions.jsonl"


def designs(searcher: Searcher) -> dict:
    """Each design maps a Retrieval to entry positions, best first."""
    index = searcher.index

    def chunks(r: Retrieval) -> list[int]:
        return list(dict.fromkeys(int(index.chunk_entry[vid]) for vid, _ in r.dense_chunks))

    def leads(r: Retrieval) -> list[int]:
        return [pos for pos, _ in r.dense_leads]

    def bm25(r: Retrieval) -> list[int]:
        return sorted(r.bm25_entries, key=r.bm25_entries.__getitem__, reverse=True)[: searcher.depth]

    def rrf(r: Retrieval) -> list[int]:
        scores = reciprocal_rank_fusion({"chunks": chunks(r), "leads": leads(r), "bm25": bm25(r)})
        return sorted(scores, key=scores.__getitem__, reverse=True)

    return {"leads only (one vector per entry)": leads, "chunks only": chunks, "bm25 only": bm25,
            "rrf k=60": rrf, "evidence sum (khub)": None}


def run(index_dir: Path | None, questions_path: Path, store: str | None = None) -> dict:
    searcher = open_searcher(Settings.from_env(index_dir=index_dir, store=store))
    questions = load_questions(questions_path)
    retrievals = {q.query: searcher.retrieve(q.query) for q in questions}
    results = {}
    for name, design in designs(searcher).items():
        if design is None:
            rank = lambda query: [searcher.index.entry_ids[c.pos] for c in searcher.rank(query, retrievals[query])]  # noqa: E731
        else:
            rank = lambda query, design=design: [searcher.index.entry_ids[p] for p in design(retrievals[query])]  # noqa: E731
        report = evaluate(questions, rank, searcher.index.has_entry)
        results[name] = {"all": asdict(report.overall), "public": asdict(report.public_only),
                         "missing_ids": len(report.missing_ids)}
    return results


def cross_validated(index_dir: Path | None, questions_path: Path, as_json: bool) -> None:
    from assistant import fusion_fit
    from assistant.evaluate import mean_scores

    searcher = open_searcher(Settings.from_env(index_dir=index_dir))
    questions = load_questions(questions_path)
    ids = searcher.index.entry_ids

    answerable = [q for q in questions if q.grades]
    candidates = {q.id: [(ids[c.pos], c.evidence) for c in searcher.rank(q.query, searcher.retrieve(q.query))]
                  for q in answerable}  # retrieved once, ranked under every weighting
    figures = fusion_fit.out_of_fold(questions, lambda question: candidates[question.id])
    shipped = {kind: mean_scores((fusion_fit.ranking(candidates[q.id], searcher.weights), q.grades)
                                 for q in answerable if q.type == kind or kind == "all")
               for kind in [*figures.by_kind, "all"]}
    report = {"out_of_fold": {**{k: asdict(v) for k, v in figures.by_kind.items()}, "all": asdict(figures.overall)},
              "shipped_in_sample": {k: asdict(v) for k, v in shipped.items()},
              "chosen_weights": [asdict(w) for w in figures.chosen]}
    if as_json:
        print(json.dumps(report, indent=2))
        return
    print(f"{'kind':<14}{'questions':>10}   out-of-fold nDCG@10 / R@10   shipped weights, in-sample")
    for kind, scores in report["out_of_fold"].items():
        same = report["shipped_in_sample"][kind]
        print(f"{kind:<14}{scores['questions']:>10}   {scores['ndcg_at_10']:>13.3f} / {scores['recall_at_10']:.3f}"
              f"   {same['ndcg_at_10']:>13.3f} / {same['recall_at_10']:.3f}")
    print("weights chosen per fold (lead, bm25):", [(w["lead"], w["bm25"]) for w in report["chosen_weights"]])


def side_by_side(local: dict, other: dict, store: str, as_json: bool) -> None:
    """Each design's figures on the local store and on ``store``, and the largest difference."""
    measures = ("ndcg_at_10", "recall_at_10", "mrr_at_10", "recall_at_5")
    gaps = {name: {m: round(other[name]["all"][m] - local[name]["all"][m], 4) for m in measures} for name in local}
    if as_json:
        print(json.dumps({"local": local, store: other, "difference": gaps}, indent=2))
        return
    print(f"local store vs {store} (all labels)")
    print(f"{'design':<36}" + "".join(f"{m.replace('_at_', '@'):>22}" for m in measures))
    for name in local:
        cells = "".join(f"{local[name]['all'][m]:.3f} {other[name]['all'][m]:.3f} {gaps[name][m]:+.3f}".rjust(22)
                        for m in measures)
        print(f"{name:<36}{cells}")
    print(f"columns: local, {store}, difference; khub's own ranking (evidence sum) differs by at most "
          f"{max(abs(gap) for gap in gaps['evidence sum (khub)'].values()):.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--questions", type=Path, default=DEV_QUESTIONS)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cv", action="store_true", help="per-kind figures out-of-fold (fusion weights fitted by CV)")
    parser.add_argument("--store", metavar="URI", help="also run on this store (e.g. a milvus-lite PATH.db built "
                        "with khub ingest --store PATH.db) and print it beside the local store")
    args = parser.parse_args()
    if not args.questions.is_file():
        sys.exit(f"skipped: no labelled questions at {args.questions} (they live in ../shared)")
    if args.cv:
        cross_validated(args.index_dir, args.questions, args.json)
        return
    if args.store:
        side_by_side(run(args.index_dir, args.questions, "local"), run(args.index_dir, args.questions, args.store),
                     args.store, args.json)
        return
    results = run(args.index_dir, args.questions)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    missing = next(iter(results.values()))["missing_ids"]
    if missing:
        print(f"warning: {missing} labelled ids are not in the index; ingest corpus/ and the public corpus first")
    print(f"{'design':<36}{'nDCG@10':>9}{'R@10':>7}{'MRR@10':>8}{'R@5':>7} | public {'nDCG@10':>8}{'R@10':>7}")
    for name, scores in results.items():
        a, p = scores["all"], scores["public"]
        print(f"{name:<36}{a['ndcg_at_10']:>9.3f}{a['recall_at_10']:>7.3f}{a['mrr_at_10']:>8.3f}{a['recall_at_5']:>7.3f}"
              f" |        {p['ndcg_at_10']:>8.3f}{p['recall_at_10']:>7.3f}")


if __name__ == "__main__":
    main()

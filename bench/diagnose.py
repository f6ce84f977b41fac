"""Measure diagnosis out-of-fold, and re-make the fitted ranker.

Every figure printed is out-of-fold: the real cases (tests/traces/cases/) are split into grouped
folds that hold whole errors out (assistant/diagnose/fit.py), a ranker is fitted on the other folds,
and each case is scored by one that never saw its entry. Each case the archive explains is also
asked with its entries removed (leave-entry-out), and must then get no confident match. The dev
traces (../shared) are never fitted on: they are scored by the shipped ranker, as a held-out set.

Usage (the index must hold the archive the labels refer to):
    khub ingest corpus ../shared/corpus-public/entries.jsonl
    python bench/diagnose.py [CASES ...] [--index-dir DIR] [--json] [--show-misses]
    python bench/diagnose.py --fit          # re-make assistant/diagnose/ranker.json from the real cases
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import khub  # noqa: E402,F401
from assistant.diagnose import open_diagnoser  # noqa: E402
from assistant.diagnose.features import FEATURES  # noqa: E402
from assistant.diagnose.fit import (  # noqa: E402
    cross_validate,
    examine_cases,
    figures,
    figures_by_group,
    fit,
    load_cases,
    outcomes,
)
from assistant.diagnose.ranker import CONFIDENCE_FEATURES, PARAMETERS, Ranker  # noqa: E402
from khub.settings import Settings  # noqa: E402

REAL_CASES = ROOT / "tests" / "traces" / "cases"
DEV_TRACES = ROOT.parent / "shared" / "eval" / "dev" / "traces.jsonl"


def run(case_paths: list[Path], index_dir: Path | None, refit: bool, store: str | None = None) -> dict:
    # examining needs no model
    unfitted = Ranker(tuple(0.0 for _ in FEATURES), tuple(0.0 for _ in CONFIDENCE_FEATURES), 0.0, 0.5)
    diagnoser = open_diagnoser(Settings.from_env(index_dir=index_dir, store=store), ranker=unfitted)
    cases = load_cases(case_paths)
    started = time.perf_counter()
    examined = examine_cases(diagnoser, cases)
    seconds = time.perf_counter() - started
    found, thresholds = cross_validate(examined)
    report = {"cases": len(cases), "examine_ms_mean": round(1000 * seconds / max(1, len(cases)), 1),
              "out_of_fold": asdict(figures(found)),
              "by_ecosystem": {k: asdict(v) for k, v in figures_by_group(found).items()},
              "fold_thresholds": [round(t, 3) for t in thresholds], "misses": _misses(found)}
    final = fit(examined) if refit else None
    if final is not None:
        PARAMETERS.write_text(final.to_json(fitted_on=f"{len(cases)} real cases in tests/traces/cases/",
                                            out_of_fold={k: round(v, 4) if isinstance(v, float) else v
                                                         for k, v in report["out_of_fold"].items()}))
        report["written"] = str(PARAMETERS.relative_to(ROOT))
    if DEV_TRACES.is_file():
        shipped = final or diagnoser_ranker()
        dev = examine_cases(diagnoser, load_cases([DEV_TRACES]))
        held_out = outcomes(shipped, dev)
        report["dev_held_out"] = asdict(figures(held_out))
        report["dev_by_tool"] = {k: asdict(v) for k, v in figures_by_group(held_out).items()}
        report["misses"] += _misses(held_out)
    return report


def diagnoser_ranker() -> Ranker:
    from assistant.diagnose.ranker import load_ranker

    return load_ranker()


def _misses(found) -> list[dict]:
    return [{"id": o.case.id, "left_out": o.left_out, "score": round(o.top_score, 3), "confident": o.confident,
             "want": sorted(o.case.grades)[:3], "got": list(o.ranked[:3])}
            for o in found
            if (o.case.grades and not o.left_out and not o.hit_at_1)
            or ((not o.case.grades or o.left_out) and o.confident)]


def latency(index_dir: Path | None, case_paths: list[Path], store: str | None = None) -> dict:
    """Diagnose time per paste with the shipped ranker, fixes included."""
    diagnoser = open_diagnoser(Settings.from_env(index_dir=index_dir, store=store))
    times = []
    for case in load_cases(case_paths):
        started = time.perf_counter()
        try:
            diagnoser.diagnose(case.text)
        except Exception:  # noqa: BLE001 - a paste with no error still costs its parse
            pass
        times.append(1000 * (time.perf_counter() - started))
    return {f"p{q}": round(float(np.percentile(times, q)), 1) for q in (50, 95, 99)}


def _table(title: str, rows: dict[str, dict]) -> None:
    print(f"\n{title}")
    print(f"{'group':<34}{'in':>5}{'hit@1':>7}{'hit@3':>7}{'MRR':>7}{'sure|in':>9}{'right|sure':>11}{'out':>6}{'unsure|out':>11}")
    for name, f in rows.items():
        hits = (f"{f['hit_at_1']:>7.3f}{f['hit_at_3']:>7.3f}{f['mrr']:>7.3f}{f['confident_in']:>9.3f}"
                f"{f['right_if_confident']:>11.3f}" if f["in_archive"]
                else f"{'-':>7}{'-':>7}{'-':>7}{'-':>9}{'-':>11}")
        out = f"{f['unsure_out_share']:>11.3f}" if f["unsure_out"] else f"{'-':>11}"
        print(f"{name[:33]:<34}{f['in_archive']:>5}{hits}{f['unsure_out']:>6}{out}")


def side_by_side(local: dict, other: dict, store: str, as_json: bool) -> None:
    """Out-of-fold and dev figures on the local store and on ``store``, and the largest difference."""
    measures = ("hit_at_1", "hit_at_3", "mrr", "unsure_out_share")
    sets = [name for name in ("out_of_fold", "dev_held_out") if name in local]
    gaps = {name: {m: round(other[name][m] - local[name][m], 4) for m in measures} for name in sets}
    if as_json:
        print(json.dumps({"local": local, store: other, "difference": gaps}, indent=2))
        return
    print(f"local store vs {store}")
    print(f"{'cases':<16}" + "".join(f"{m.replace('_at_', '@'):>22}" for m in measures))
    for name in sets:
        print(f"{name:<16}" + "".join(f"{local[name][m]:.3f} {other[name][m]:.3f} {gaps[name][m]:+.3f}".rjust(22)
                                      for m in measures))
    worst = max(abs(gap) for row in gaps.values() for gap in row.values())
    print(f"largest difference: {worst:.4f} (columns: local, {store}, difference)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", type=Path, help="labelled cases (default: tests/traces/cases/)")
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--fit", action="store_true", help=f"re-make {PARAMETERS.name} from the real cases")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--latency", action="store_true", help="also time diagnose per paste (shipped ranker)")
    parser.add_argument("--store", metavar="URI", help="also run on this store (e.g. a milvus-lite PATH.db built "
                        "with khub ingest --store PATH.db) and print it beside the local store")
    args = parser.parse_args()
    paths = [path for path in (args.cases or [REAL_CASES]) if path.exists()]
    if not paths:
        sys.exit("skipped: no cases found")
    if args.store:
        side_by_side(run(paths, args.index_dir, False, "local"), run(paths, args.index_dir, False, args.store),
                     args.store, args.json)
        return
    report = run(paths, args.index_dir, args.fit)
    if args.latency:
        report["latency_ms"] = latency(args.index_dir, paths)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['cases']} real cases; evidence gathered in {report['examine_ms_mean']} ms per paste")
    _table("Out-of-fold (grouped 5-fold by error; leave-entry-out runs count as 'out')",
           {**report["by_ecosystem"], "ALL": report["out_of_fold"]})
    print(f"fold thresholds: {report['fold_thresholds']}")
    if "dev_held_out" in report:
        _table("Dev traces, held out (never fitted on), shipped ranker",
               {**report["dev_by_tool"], "ALL": report["dev_held_out"]})
    if "latency_ms" in report:
        print(f"\nlatency per paste (ms): {report['latency_ms']}")
    if "written" in report:
        print(f"\nwrote {report['written']}")
    if args.show_misses:
        for miss in report["misses"]:
            print(f"miss {miss}")


if __name__ == "__main__":
    main()

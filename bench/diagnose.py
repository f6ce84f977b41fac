"""Measure diagnosis and calibrate its confidence threshold.

For each traces file: hit@1, hit@3 and MRR per ecosystem, latency percentiles, and a sweep of the
confidence threshold showing, at each value, how often khub is confident when the archive has the
answer (and right when confident) and how often it rightly says "no confident match" when the
archive lacks the error. The threshold in assistant/diagnose/diagnosis.py comes from this sweep.

Usage (the index must hold the archive the labels refer to):
    khub ingest corpus ../shared/corpus-public/entries.jsonl
    python bench/diagnose.py [TRACES.jsonl ...] [--index-dir DIR] [--json]
Default traces: ../shared/eval/dev/traces.jsonl and tests/traces/cases/ (every file).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import khub  # noqa: E402,F401
from assistant.diagnose import PasteError, open_diagnoser  # noqa: E402
from assistant.diagnose.diagnosis import CONFIDENT  # noqa: E402
from assistant.evaluate import load_traces  # noqa: E402
from khub.settings import Settings  # noqa: E402

DEFAULT_TRACES = [ROOT.parent / "shared" / "eval" / "dev" / "traces.jsonl", ROOT / "tests" / "traces" / "cases"]
THRESHOLDS = [round(0.40 + 0.02 * step, 2) for step in range(26)]


def run(paths: list[Path], index_dir: Path | None) -> dict:
    diagnoser = open_diagnoser(Settings.from_env(index_dir=index_dir))
    rows = []
    for path in paths:
        for trace in load_traces(path):
            started = time.perf_counter()
            try:
                diagnosis = diagnoser.diagnose(trace.text, top_k=10)
                ids, top = [hit.entry_id for hit in diagnosis.hits], diagnosis.hits[0] if diagnosis.hits else None
            except PasteError:
                ids, top = [], None
            rows.append({"file": path.name, "id": trace.id, "group": trace.group, "relevant": sorted(trace.relevant),
                         "ids": ids, "score": top.score if top else 0.0,
                         "other_ecosystem": bool(top and top.reason.startswith("other ecosystem")),
                         "ms": 1000 * (time.perf_counter() - started)})
    return {"rows": rows, "groups": _groups(rows), "sweep": _sweep(rows),
            "latency_ms": {f"p{q}": round(float(np.percentile([r["ms"] for r in rows], q)), 1) for q in (50, 95, 99)}}


def _groups(rows: list[dict]) -> dict:
    groups: dict[str, dict] = {}
    for row in rows:
        key = f"{row['file']}:{row['group']}"
        group = groups.setdefault(key, {"n": 0, "in": 0, "hit1": 0, "hit3": 0, "out": 0})
        group["n"] += 1
        if row["relevant"]:
            group["in"] += 1
            group["hit1"] += bool(row["ids"][:1] and row["ids"][0] in row["relevant"])
            group["hit3"] += bool(set(row["ids"][:3]) & set(row["relevant"]))
        else:
            group["out"] += 1
    return groups


def _sweep(rows: list[dict]) -> list[dict]:
    inside = [r for r in rows if r["relevant"]]
    outside = [r for r in rows if not r["relevant"]]
    sweep = []
    for threshold in THRESHOLDS:
        sure = [r for r in inside if r["score"] >= threshold and not r["other_ecosystem"]]
        right = [r for r in sure if r["ids"][:1] and r["ids"][0] in r["relevant"]]
        unsure_out = [r for r in outside if r["score"] < threshold or r["other_ecosystem"]]
        sweep.append({"threshold": threshold, "confident_in_archive": len(sure) / max(1, len(inside)),
                      "right_when_confident": len(right) / max(1, len(sure)),
                      "unsure_out_of_archive": len(unsure_out) / max(1, len(outside))})
    return sweep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("traces", nargs="*", type=Path)
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    paths = [path for path in (args.traces or DEFAULT_TRACES) if path.is_file()]
    if not paths:
        sys.exit("skipped: no traces files found (the dev set lives in ../shared)")
    result = run(paths, args.index_dir)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=2))
        return
    print(f"{'file:group':<44}{'n':>4}{'in':>4}{'hit@1':>7}{'hit@3':>7}{'out':>5}")
    for name, g in result["groups"].items():
        hits = f"{g['hit1'] / g['in']:>7.3f}{g['hit3'] / g['in']:>7.3f}" if g["in"] else f"{'-':>7}{'-':>7}"
        print(f"{name[:43]:<44}{g['n']:>4}{g['in']:>4}{hits}{g['out']:>5}")
    print(f"\nlatency: {result['latency_ms']}")
    print(f"\n{'threshold':>9}{'sure (in)':>11}{'right if sure':>15}{'unsure (out)':>14}")
    for row in result["sweep"]:
        mark = "  <- current" if abs(row["threshold"] - CONFIDENT) < 0.005 else ""
        print(f"{row['threshold']:>9.2f}{row['confident_in_archive']:>11.3f}{row['right_when_confident']:>15.3f}"
              f"{row['unsure_out_of_archive']:>14.3f}{mark}")
    if args.show_misses:
        for r in result["rows"]:
            wrong = r["relevant"] and not (r["ids"][:1] and r["ids"][0] in r["relevant"])
            if wrong or (not r["relevant"] and r["score"] >= CONFIDENT and not r["other_ecosystem"]):
                print(f"miss {r['file']}:{r['id']} score {r['score']:.2f} want {r['relevant'][:2]} got {r['ids'][:3]}")


if __name__ == "__main__":
    main()

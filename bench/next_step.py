"""Measure "what should I learn next?" answers on the labelled questions in tests/learning/next_steps.jsonl.

Each question says what the learner knows and is labelled with its path and the next milestone
(``next: null`` when the learner has finished the path); negatives (``route: false``) are ordinary
questions that must not be answered from a path. The questions are split once, before any run, into
a "fit" half (design and thresholds were decided on it) and a "held-out" half (reported only).

Printed, per split and for the whole set: the share of path questions whose answer names the right
next milestone (``milestone N`` and its title; for a finished path, says so) AND cites the path, and
the share of negatives wrongly routed to a path.

Usage (the index must hold corpus/; ``khub ingest`` builds it):
    python bench/next_step.py [--split fit|held-out|all] [--failures] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import khub  # noqa: E402,F401
from assistant.answer import Assistant, open_assistant  # noqa: E402
from assistant.paths import learning_path  # noqa: E402
from khub.settings import Settings  # noqa: E402

QUESTIONS = ROOT / "tests" / "learning" / "next_steps.jsonl"
SPLITS = ("fit", "held-out")


def load_rows(path: Path = QUESTIONS) -> list[dict]:
    """The labelled questions, one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def milestone_titles(assistant: Assistant, path_ids: Iterable[str]) -> dict[tuple[str, int], str]:
    """(path id, n) -> the milestone's title, read from the index's paths."""
    titles = {}
    for path_id in set(path_ids):
        path = learning_path(assistant.searcher, path_id, per_milestone=0)
        if path is None:
            raise SystemExit(f"{path_id} is not in the index; build it from corpus/ with: khub ingest")
        titles |= {(path_id, step.milestone.n): step.milestone.title for step in path.steps}
    return titles


def judge(row: dict, shown: dict, titles: dict[tuple[str, int], str]) -> bool:
    """Whether an answer (``khub ask --json``'s shape) is right for a labelled row.

    A path question: the answer cites the path and names the next milestone by number and title (or,
    when the learner finished it, says the path is finished). A negative: not answered from a path."""
    step = shown.get("next_step")
    if not row["route"]:
        return step is None
    cites = any(citation["entry_id"] == row["path_id"] for citation in shown["citations"])
    if row["next"] is None:
        return cites and step is not None and step["finished"] and step["path_id"] == row["path_id"]
    title = titles[(row["path_id"], row["next"])]
    text = shown["answer"]
    return cites and f"milestone {row['next']}," in text and title in text


def measure(rows: list[dict], ask: Callable[[str], dict], titles: dict[tuple[str, int], str]) -> list[dict]:
    """Every row asked and judged: the row with ``right`` and what the answer named."""
    judged = []
    for row in rows:
        shown = ask(row["question"])
        step = shown.get("next_step")
        judged.append({**row, "right": judge(row, shown, titles),
                       "answered": None if step is None else (step["path_id"], step["n"])})
    return judged


def figures(judged: list[dict]) -> dict:
    """Per split and in all: right share of path questions, false routing rate of negatives."""
    result = {}
    for name, group in [*((split, [r for r in judged if r["split"] == split]) for split in SPLITS), ("all", judged)]:
        positives = [r for r in group if r["route"]]
        negatives = [r for r in group if not r["route"]]
        if not group:
            continue
        result[name] = {
            "questions": len(positives),
            "right": sum(r["right"] for r in positives),
            "right_share": round(sum(r["right"] for r in positives) / len(positives), 3) if positives else None,
            "negatives": len(negatives),
            "falsely_routed": sum(not r["right"] for r in negatives),
            "false_routing_rate": (round(sum(not r["right"] for r in negatives) / len(negatives), 3)
                                   if negatives else None),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--failures", action="store_true", help="list the questions answered wrongly")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = [row for row in load_rows() if args.split in ("all", row["split"])]
    assistant = open_assistant(Settings.from_env())
    titles = milestone_titles(assistant, (row["path_id"] for row in rows if row["route"]))
    judged = measure(rows, lambda question: assistant.ask(question).answer().as_dict(), titles)
    result = figures(judged)
    if args.json:
        print(json.dumps({"figures": result, "rows": judged}, indent=2))
        return
    for name, figure in result.items():
        print(f"{name:9} path questions named + cited: {figure['right']}/{figure['questions']} = "
              f"{figure['right_share']}   negatives falsely routed: {figure['falsely_routed']}/"
              f"{figure['negatives']} = {figure['false_routing_rate']}")
    for row in (judged if args.failures else []):
        if not row["right"]:
            print(f"  wrong {row['id']}: expected {row.get('path_id')} {row.get('next')}, answered {row['answered']}: "
                  f"{row['question']}")


if __name__ == "__main__":
    main()

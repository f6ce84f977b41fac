#!/usr/bin/env python3
"""One labelling policy for Python cases, applied to every case file the same way.

The dev set (../shared/eval/dev/traces.jsonl) labels a Python error with every archive entry about
its exception class: ``python-exceptions/<Class>`` and all friendly-traceback entries whose
``error_type`` is that class (grade 2 for those that explain this very message, grade 1 for the
others). Cases written here follow the same rule, so that figures mean the same on both sets: a
case already labelled with an entry of a class gets every other entry of that class, at grade 1
unless it already had a grade. Hand-picked grade 2 labels are kept.

    python tests/traces/labels.py            # apply to tests/traces/cases/python*.jsonl and
                                             # tests/traces/programs/python/*/case.json
    python tests/traces/labels.py --check    # report cases that do not follow the policy; exit 1 if any

Stdlib only; needs ../shared/corpus-public/entries.jsonl (and corpus/ for the hub's own entries).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = ("python-exceptions/", "friendly-traceback/")


def python_classes() -> tuple[dict[str, str], dict[str, list[str]]]:
    """entry id -> exception class, and class -> entry ids, for the archive's Python error entries."""
    shared = Path(os.environ.get("KHUB_SHARED", HERE.parents[2] / "shared"))
    public = shared / "corpus-public" / "entries.jsonl"
    if not public.is_file():
        sys.exit(f"skipped: {public} not found (set KHUB_SHARED)")
    class_of, members = {}, defaultdict(list)
    for line in public.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        entry = json.loads(line)
        if entry["id"].startswith(SOURCES) and entry.get("error_type"):
            class_of[entry["id"]] = entry["error_type"]
            members[entry["error_type"]].append(entry["id"])
    return class_of, members


def expand(grades: dict[str, int], class_of: dict[str, str], members: dict[str, list[str]]) -> dict[str, int]:
    """The grades with every entry of each labelled Python exception class added (grade 1)."""
    classes = {class_of[entry] for entry in grades if entry in class_of}
    expanded = dict(grades)
    for name in sorted(classes):
        for entry in members[name]:
            expanded.setdefault(entry, 1)
    return expanded


def _jsonl_files() -> list[Path]:
    return sorted((HERE / "cases").glob("python*.jsonl"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    class_of, members = python_classes()
    changed = 0
    for path in _jsonl_files():
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        for record in records:
            grades = expand(record.get("grades") or {}, class_of, members)
            if grades != record.get("grades"):
                changed += 1
                record["grades"], record["relevant"] = grades, sorted(grades)
        if not args.check:
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    for spec_file in sorted((HERE / "programs" / "python").glob("*/case.json")):
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        grades = expand(spec.get("grades") or {}, class_of, members)
        if grades != spec.get("grades"):
            changed += 1
            spec["grades"], spec["relevant"] = grades, sorted(grades)
            if not args.check:
                spec_file.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{changed} case(s) {'do not follow' if args.check else 'relabelled to'} the Python labelling policy")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())

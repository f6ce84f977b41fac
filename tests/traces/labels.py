#!/usr/bin/env python3
"""One labelling policy for Python cases, applied to every case file the same way.

The dev set (../shared/eval/dev/traces.jsonl) labels a Python error with every archive entry about
its exception class: ``python-exceptions/<Class>`` and all friendly-traceback entries (and the hub's
own Python error entries) whose ``error_type`` is that class (grade 2 for those that explain this
very message, grade 1 for the others). Cases written here follow the same rule, so that figures mean
the same on both sets: a case labelled with an entry of a class the paste itself prints gets every
other entry of that class, at grade 1 unless it already had a grade. A parent-class fallback
(python-exceptions/ValueError for a JSONDecodeError) stays as it is: the other ValueError entries
explain other errors. Hand-picked grade 2 labels are kept.

    python tests/traces/labels.py            # apply to tests/traces/cases/python*.jsonl and
                                             # tests/traces/programs/python/*/case.json
    python tests/traces/labels.py --check    # report cases that do not follow the policy; exit 1 if any

Stdlib only; needs ../shared/corpus-public/entries.jsonl (and corpus/ for the hub's own entries).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = ("python-exceptions/", "friendly-traceback/")


def python_classes() -> tuple[dict[str, str], dict[str, list[str]]]:
    """entry id -> exception class, and class -> entry ids, for the archive's Python error entries
    (the public ones and the hub's own)."""
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
    for path in sorted((HERE.parents[1] / "corpus" / "error").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---")[1]
        entry_id, language = re.search(r"^id: (\S+)", front, re.M), re.search(r"python", front)
        error_type = re.search(r"^error_type: \"?(\w+)\"?$", front, re.M)
        if entry_id and language and error_type and error_type.group(1).endswith(("Error", "Exception", "Warning")):
            class_of[entry_id.group(1)] = error_type.group(1)
            members[error_type.group(1)].append(entry_id.group(1))
    return class_of, members


# An exception line, also as pytest ("E   TypeError: ...") and exception groups ("| ValueError: ...")
# show it, and py_compile's "Sorry: IndentationError: ...".
PRINTED_CLASS = re.compile(r"^(?:E\s+|Sorry: |[\s|+]*)(?:[\w]+\.)*([A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt"
                           r"|Iteration|Group))\b", re.M)


def expand(grades: dict[str, int], class_of: dict[str, str], members: dict[str, list[str]],
           text: str) -> dict[str, int]:
    """The grades with every entry of each labelled exception class the paste prints added (grade 1).

    A class counts as printed when the paste prints it, or when the labeller gave one of its entries
    grade 2 ("can't open file ... [Errno 2]" is a FileNotFoundError without printing the name).
    """
    printed = set(PRINTED_CLASS.findall(text)) | {class_of[e] for e, g in grades.items() if g == 2 and e in class_of}
    classes = {class_of[entry] for entry in grades if entry in class_of} & printed
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
            grades = expand(record.get("grades") or {}, class_of, members, record["text"])
            if grades != record.get("grades"):
                changed += 1
                record["grades"], record["relevant"] = grades, sorted(grades)
        if not args.check:
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    captured = {record["id"]: record["text"] for path in _jsonl_files()
                for record in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").split("\n")))}
    for spec_file in sorted((HERE / "programs" / "python").glob("*/case.json")):
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        text = captured.get(f"python-{spec_file.parent.name}", "")
        grades = expand(spec.get("grades") or {}, class_of, members, text)
        if grades != spec.get("grades"):
            changed += 1
            spec["grades"], spec["relevant"] = grades, sorted(grades)
            if not args.check:
                spec_file.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{changed} case(s) {'do not follow' if args.check else 'relabelled to'} the Python labelling policy")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())

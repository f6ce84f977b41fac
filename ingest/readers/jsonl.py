"""Read JSON Lines exports: one entry object per line (the public corpus's format)."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.problems import Problem
from ingest.readers import RawRecord, ReadResult, read_text


def read_jsonl(path: Path, shown: str) -> ReadResult:
    """Yield a RawRecord per line, or a Problem for a line that is not a JSON object."""
    text = read_text(path, shown)
    if isinstance(text, Problem):
        yield text
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{shown}:{number}"
        try:
            fields = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"invalid JSON at column {exc.colno}: {exc.msg}",
                          "each line must be one complete JSON object")
            continue
        if not isinstance(fields, dict):
            yield Problem(where, f"expected a JSON object, got {type(fields).__name__}",
                          'write the entry as {"id": ..., "kind": ..., "title": ..., "body": ...}')
            continue
        yield RawRecord(fields, where)

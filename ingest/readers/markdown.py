"""Read one Markdown entry: YAML front matter between '---' lines, then the body."""

from __future__ import annotations

from pathlib import Path

import yaml

from ingest.problems import Problem
from ingest.readers import RawRecord, ReadResult, read_text

FENCE = "---"
FRONT_MATTER_HINT = "start the file with a '---' line, the YAML fields, then a closing '---' line"


def read_markdown(path: Path, shown: str) -> ReadResult:
    """Yield the file's single RawRecord, or a Problem naming the line and the fix."""
    text = read_text(path, shown)
    if isinstance(text, Problem):
        yield text
        return
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        yield Problem(f"{shown}:1", "no YAML front matter", FRONT_MATTER_HINT)
        return
    end = _closing_fence(lines)
    if end is None:
        yield Problem(f"{shown}:1", "the front matter is never closed", "add a '---' line after the last field")
        return
    yield _parse(lines, end, shown)


def _closing_fence(lines: list[str]) -> int | None:
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (FENCE, "..."):
            return number
    return None


def _parse(lines: list[str], end: int, shown: str) -> RawRecord | Problem:
    try:
        fields = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2  # +1 for the opening fence, +1 for 1-based lines
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return Problem(f"{shown}:{line}", f"invalid YAML in the front matter: {problem}",
                       "quote values that contain ':' or '#', and indent lists consistently")
    if not isinstance(fields, dict):
        return Problem(f"{shown}:2", "the front matter is not a set of 'key: value' fields", FRONT_MATTER_HINT)
    if "body" in fields:
        return Problem(f"{shown}:2", "a Markdown entry keeps its body below the front matter",
                       "remove the 'body' field and write the text after the closing '---'", field="body")
    fields = {str(key): value for key, value in fields.items()}
    fields["body"] = "\n".join(lines[end + 1:]).strip()
    return RawRecord(fields, f"{shown}:1")

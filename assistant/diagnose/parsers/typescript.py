"""TypeScript: tsc's diagnostics, plain (file(line,col): error TS2322: ...) and pretty (file:line:col - error ...)."""

from __future__ import annotations

import re

from assistant.diagnose.parsers.common import to_int
from assistant.diagnose.signature import ErrorSignature, Frame

ECOSYSTEM = "typescript"
PLAIN = re.compile(r"^(?P<file>[^(\s][^(]*?)\((?P<line>\d+),(?P<column>\d+)\): error (?P<code>TS\d+): (?P<message>.+)$")
PRETTY = re.compile(r"^(?P<file>\S+?):(?P<line>\d+):(?P<column>\d+) - error (?P<code>TS\d+): (?P<message>.+)$")
BARE = re.compile(r"^error (?P<code>TS\d+): (?P<message>.+)$")


def parse(text: str) -> list[ErrorSignature]:
    """Every tsc error, in order; continuation lines (indented elaborations) become notes."""
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        match = PLAIN.match(line.strip()) or PRETTY.match(line.strip()) or BARE.match(line.strip())
        if not match:
            continue
        groups = match.groupdict()
        frame = Frame(groups.get("file"), None, to_int(groups.get("line")), to_int(groups.get("column")), True)
        notes = tuple(text.strip() for text in _elaboration(lines[index + 1:]))
        found.append(ErrorSignature(ECOSYSTEM, match["code"], f"error {match['code']}: {match['message']}",
                                    code=match["code"], frames=(frame,) if groups.get("file") else (), notes=notes))
    return found


def _elaboration(following: list[str]) -> list[str]:
    notes = []
    for line in following[:6]:
        if not line.startswith("  ") or not line.strip() or re.match(r"^\s*\d+\s", line) or set(line.strip()) <= {"~"}:
            break
        notes.append(line)
    return notes

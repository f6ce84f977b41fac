"""The real error outputs captured by tests/traces/ (one JSON lines file per ecosystem or generator)."""

from __future__ import annotations

import json
from pathlib import Path

CASES_DIR = Path(__file__).parent / "traces" / "cases"


def load_cases() -> dict[str, dict]:
    """Every captured case, by id."""
    cases = {}
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                case = json.loads(line)
                cases[case["id"]] = case
    return cases

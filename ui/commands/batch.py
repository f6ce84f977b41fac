"""``--batch``: JSON lines in, one JSON line out per input, in input order (search, diagnose, ask)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable

import click


def run_batch(lines: Iterable[str], field: str, handle: Callable[[str], dict], unreadable: dict | None = None) -> None:
    """For each line ``{"id", field}`` print ``{"id", **handle(text), "took_ms"}``.

    A line that cannot be read prints ``{"id": null, "line": n, "error": ..., **unreadable}`` and the
    rest go on; if there were any, stderr says so and the exit code is 1.
    """
    failures = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        started = time.perf_counter()
        try:
            item = json.loads(line)
            item_id, text = item.get("id", number), item[field]
            if not isinstance(text, str):
                raise TypeError(f"'{field}' must be a string")
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            failures += 1
            error = f'not a {{"id", "{field}"}} line: {exc}'
            click.echo(json.dumps({"id": None, "line": number, "error": error, **(unreadable or {})}))
            continue
        record = {"id": item_id} | handle(text)
        record["took_ms"] = round(1000 * (time.perf_counter() - started), 2)
        click.echo(json.dumps(record, ensure_ascii=False))
    if failures:
        click.secho(f"{failures} input line(s) could not be read; their output lines carry an \"error\"", fg="yellow",
                    err=True)
        sys.exit(1)

"""``khub new``: what is new in the archive, from the ingest history kept beside the index."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from embeddings.history import FILE_NAME, Change, HistoryError, IngestHistory, WhatsNew, parse_since
from embeddings.snapshots import store_for
from khub.errors import IndexUnavailableError
from ui.options import index_dir_option, json_option, settings_from


def _since(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    try:
        return None if value is None else parse_since(value)
    except HistoryError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


@click.command("new")
@click.option("--since", metavar="DATE", callback=_since,
              help="Only changes from this day or time on: YYYY-MM-DD or an ISO date and time "
                   "(local time unless it has an offset).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True,
              help="At most this many entries added or changed (and as many removed).")
@index_dir_option
@json_option
def new_command(since: datetime | None, limit: int, index_dir: Path | None, as_json: bool) -> None:
    """List the entries that ingests added or changed, newest first, then those removed.

    Each ingest that goes live (khub ingest, --watch, or khub serve's first build) is recorded in
    history.sqlite beside the index; rebuilding the index keeps it. An entry is listed once, as its
    latest change.

    \b
    Examples:
      khub new
      khub new --since 2025-06-01
      khub new --since 2025-06-01T09:30 --limit 10
      khub new --since 2025-06-01 --json
    """
    settings = settings_from(index_dir)
    history = IngestHistory(settings.index_dir / FILE_NAME)
    if not history.exists() and not store_for(settings).exists():
        raise IndexUnavailableError(f"no index at {settings.index_dir}, so nothing is new yet; build it with: "
                                    "khub ingest")
    found = history.whats_new(since, limit=limit)
    if as_json:
        click.echo(json.dumps(found.as_dict(), indent=2, ensure_ascii=False))
    elif found.began is None:
        click.echo(f"The index at {settings.index_dir} was built before khub kept an ingest history, so it cannot "
                   "say what is new yet. The next khub ingest that adds, changes or removes an entry starts it.")
    else:
        click.echo(_text(found))


def _text(found: WhatsNew) -> str:
    window = f"since {_local(found.since)}" if found.since else f"since the history began ({_local(found.began)})"
    if not found.updated and not found.removed:
        return f"Nothing added, changed or removed {window}."
    lines = [f"Added or changed {window}, newest first:" if found.updated else f"Nothing added or changed {window}."]
    lines += _rows(found.updated)
    if found.removed:
        lines += ["", "Removed:", *_rows(found.removed)]
    return "\n".join(lines)


def _rows(changes: tuple[Change, ...]) -> list[str]:
    width = max((len(change.entry_id) for change in changes), default=0)
    return [f"  {_local(change.at)}  {change.change:<7}  {change.entry_id:<{width}}  "
            f"{change.title or '(title unknown)'}" + (f"  [{change.kind}]" if change.kind else "")
            for change in changes]


def _local(moment: str | None) -> str:
    """A recorded UTC time on the reader's clock, to the minute."""
    return datetime.fromisoformat(moment).astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""

"""``khub path``: the hub's learning paths, and one path as its milestones with the entries that teach them."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import click

from assistant.paths import ENTRIES_PER_MILESTONE, LearningPath, learning_path, path_ids
from assistant.search import open_searcher
from ui.options import index_dir_option, json_option, settings_from, store_option


@click.command("path")
@click.argument("path_id", required=False)
@index_dir_option
@store_option
@json_option
def path_command(path_id: str | None, index_dir: Path | None, as_json: bool) -> None:
    """List the learning paths, or show PATH_ID milestone by milestone.

    Each milestone comes with the archive entries that teach it: found by search over what the
    milestone covers when the index is built (khub ingest), and kept in the index.

    \b
    Examples:
      khub path
      khub path path/php-zero-to-production
      khub path --json
    """
    searcher = open_searcher(settings_from(index_dir))
    known = path_ids(searcher)
    if path_id is None:
        per_milestone = ENTRIES_PER_MILESTONE if as_json else 0  # the text listing shows no entries
        paths = [found for found in (learning_path(searcher, known_id, per_milestone) for known_id in known)
                 if found]
        if as_json:
            click.echo(json.dumps({"paths": [path.as_dict() for path in paths]}, indent=2, ensure_ascii=False))
        else:
            for path in paths:
                click.echo(f"{path.path_id}  [{path.level or 'any level'}]  {path.title}\n    {path.summary}")
        return
    chosen = learning_path(searcher, path_id)
    if chosen is None:
        close = difflib.get_close_matches(path_id, known, n=3, cutoff=0.4)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; the paths are: {', '.join(known) or 'none'}"
        raise click.ClickException(f"no learning path {path_id!r} in the index{hint}")
    click.echo(json.dumps(chosen.as_dict(), indent=2, ensure_ascii=False) if as_json else _text(chosen))


def _text(path: LearningPath) -> str:
    lines = [click.style(path.title, bold=True), f"{path.path_id} · {path.level or 'any level'}", path.summary, ""]
    for step in path.steps:
        lines.append(f"{step.milestone.n}. {step.milestone.title}")
        lines += [f"     {entry_id}" for entry_id in step.entries]
    return "\n".join(lines)

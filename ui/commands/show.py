"""``khub show``: print one whole entry of the index."""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict
from pathlib import Path

import click

from embeddings.snapshots import store_for
from ui.options import index_dir_option, json_option, settings_from, store_option


@click.command("show")
@click.argument("entry_id")
@index_dir_option
@store_option
@json_option
def show_command(entry_id: str, index_dir: Path | None, as_json: bool) -> None:
    """Print the whole entry ENTRY_ID, as search and diagnose results name it.

    \b
    Examples:
      khub show error/fk-insert-order
      khub show rustc/E0382 --json
    """
    index = store_for(settings_from(index_dir)).open()
    entry = index.entry(entry_id)
    if entry is None:
        close = difflib.get_close_matches(entry_id, index.entry_ids, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; find entries with: khub search \"words\""
        raise click.ClickException(f"no entry {entry_id!r} in the index{hint}")
    if as_json:
        click.echo(json.dumps(asdict(entry), indent=2, ensure_ascii=False, default=str))
        return
    click.secho(entry.title, bold=True)
    facts = [entry.kind, entry.level or "", ", ".join(entry.languages), ", ".join(entry.tags)]
    click.echo(" · ".join(fact for fact in [entry.id, *facts] if fact))
    if entry.error_message:
        click.echo(f"error message: {entry.error_message}")
    click.echo()
    click.echo(entry.body)

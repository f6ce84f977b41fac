"""``khub review``: the mentors' review store from the command line (export)."""

from __future__ import annotations

from pathlib import Path

import click

from ui.options import index_dir_option, review_db, settings_from
from ui.reviews import ReviewStore


@click.group("review")
def review_command() -> None:
    """The stored answers, users' thumbs and mentors' verdicts.

    \b
    Example:
      khub review export reviews.csv
    """


@review_command.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@index_dir_option
def export_command(file: Path, index_dir: Path | None) -> None:
    """Write every stored answer with its verdict, mentor, note and thumbs to FILE as CSV.

    Cells a user or mentor wrote are made safe for spreadsheets: one starting with =, +, -, @, a tab
    or a carriage return gets a leading ' so that it is shown as text, never run as a formula.

    \b
    Example:
      khub review export reviews.csv
    """
    path = review_db(settings_from(index_dir))
    if not path.exists():
        raise click.ClickException(f"no review store at {path}: answers are stored once `khub serve` has "
                                   "answered questions (or set KHUB_REVIEW_DB)")
    written = ReviewStore(path).export_csv(file)
    click.echo(f"Wrote {written}.")

"""``khub review``: the mentors' review store from the command line (export)."""

from __future__ import annotations

from pathlib import Path

import click

from ui.options import index_dir_option, review_db, settings_from
from ui.reviews import ReviewStore
from ui.suggestions import SuggestionStore


@click.group("review")
def review_command() -> None:
    """The stored answers, users' thumbs and mentors' verdicts.

    \b
    Example:
      khub review export reviews.csv
    """


@review_command.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option("--suggestions", is_flag=True, help="Export readers' suggested improvements instead of answers.")
@index_dir_option
def export_command(file: Path, suggestions: bool, index_dir: Path | None) -> None:
    """Write every stored answer with its verdict, mentor, note and thumbs to FILE as CSV (or, with
    --suggestions, every suggested improvement with who decided it and why).

    Cells a user or mentor wrote are made safe for spreadsheets: one starting with =, +, -, @, a tab
    or a carriage return gets a leading ' so that it is shown as text, never run as a formula.

    \b
    Examples:
      khub review export reviews.csv
      khub review export suggestions.csv --suggestions
    """
    path = review_db(settings_from(index_dir))
    if isinstance(path, Path) and not path.exists():  # a PostgreSQL database is made by `khub serve` too
        raise click.ClickException(f"no review store at {path}: answers are stored once `khub serve` has "
                                   "answered questions (or set KHUB_REVIEW_DB)")
    written = SuggestionStore(path).export_csv(file) if suggestions else ReviewStore(path).export_csv(file)
    click.echo(f"Wrote {written}.")

"""``khub diagnose``: paste error output, get the archive entry that explains it."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import click

from assistant.diagnose import Diagnoser, Diagnosis, PasteError, open_diagnoser
from assistant.diagnose.fix import Fix
from ui.commands.batch import run_batch
from ui.options import index_dir_option, json_option, settings_from, store_option


@click.command("diagnose")
@click.argument("source", required=False, type=click.File("rb"))
@click.option("--batch", type=click.File("r", encoding="utf-8"),
              help='Read JSON lines {"id", "text"} from FILE ("-" for stdin); print one JSON line per input.')
@click.option("--top-k", "-k", type=click.IntRange(1, 50), default=5, show_default=True, help="How many entries.")
@index_dir_option
@store_option
@json_option
def diagnose_command(source, batch, top_k: int, index_dir: Path | None, as_json: bool) -> None:
    """Find the archive entry that explains pasted error output: root cause, fix, and where it happened.

    Reads FILE, or standard input when FILE is "-" or missing. Understands Python, JavaScript
    (Node and browser consoles), TypeScript, PHP, Java, .NET, Rust, Go, MySQL/MariaDB and
    PostgreSQL output, inside logs too, and the one-line errors of shells, git, pip, npm and make.
    A confident match shows the entry's cause and fix, and its broken and corrected code.

    \b
    Examples:
      python app.py 2>&1 | khub diagnose
      khub diagnose crash.log
      cargo build 2>&1 | khub diagnose --json
      khub diagnose --batch pastes.jsonl --json > diagnoses.jsonl
    """
    if source is not None and batch is not None:
        raise click.UsageError("give a FILE or --batch, not both")
    if batch is None and source is None and sys.stdin.isatty():
        click.echo("Paste the error output, then press Ctrl-D:", err=True)
    diagnoser = open_diagnoser(settings_from(index_dir))
    if batch is not None:
        run_batch(batch, "text", lambda text: _diagnosis_or_error(diagnoser, text, top_k))
        return
    raw = (source or sys.stdin.buffer).read()
    diagnosis = diagnoser.diagnose(raw, top_k=top_k)
    if as_json:
        click.echo(json.dumps(diagnosis.as_dict(), indent=2, ensure_ascii=False))
    else:
        _print(diagnosis)


def _diagnosis_or_error(diagnoser: Diagnoser, text: str, top_k: int) -> dict:
    """One batch result: the diagnosis, or why the paste cannot be diagnosed."""
    try:
        return diagnoser.diagnose(text, top_k=top_k).as_dict()
    except PasteError as exc:
        return {"confident": False, "error": str(exc), "signature": None, "hits": []}


def _print(diagnosis: Diagnosis) -> None:
    for notice in diagnosis.notices:
        click.secho(f"note: {notice}", fg="yellow", err=True)
    signature = diagnosis.signature
    click.secho(f"Error:  {signature.message}", bold=True)
    click.echo(f"        {signature.ecosystem}" + (f", code {signature.code}" if signature.code else ""))
    if signature.culprit:
        own = "your code" if signature.culprit.in_app else "innermost frame"
        click.echo(f"Where:  {signature.culprit}  ({own})")
    if signature.chain:
        click.echo(f"Root cause of the chain:  {signature.root_cause.message}")
    for other in diagnosis.others[:3]:
        click.echo(f"Also:   {other.message}")
    click.echo()
    if not diagnosis.hits:
        click.echo("No entry in the archive resembles this error.")
        return
    heading = "Best match:" if diagnosis.confident else "No confident match in the archive. Nearest entries:"
    click.secho(heading, bold=True)
    for rank, hit in enumerate(diagnosis.hits, start=1):
        click.echo(f"{rank:>2}. {hit.title}")
        click.echo(f"    {hit.entry_id}  [{hit.reason}, score {hit.score:.2f}]")
        if rank == 1 and diagnosis.confident and hit.fix:
            _print_fix(hit.fix, hit.entry_id)


def _print_fix(fix: Fix, entry_id: str, max_lines: int = 14) -> None:
    """The top entry's cause, fix and code as the entry states them (code keeps its lines), cut short."""
    for heading, text in fix.parts():
        lines = text.split("\n")
        click.secho(f"    {heading}", underline=True)
        for line in lines[:max_lines]:
            click.echo(f"    {textwrap.shorten(line, 110, placeholder=' …') if len(line) > 110 else line}")
        if len(lines) > max_lines:
            click.echo(f"    … (the whole entry: khub show {entry_id})")

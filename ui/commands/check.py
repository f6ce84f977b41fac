"""``khub check``: validate the archive as ``khub ingest`` would, without touching the index."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ingest.load import load_corpus
from ui.options import json_option, settings_from


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@json_option
def check_command(paths: tuple[Path, ...], as_json: bool) -> None:
    """Validate Markdown folders, JSONL and CSV exports (default: the bundled corpus/).

    Every problem is named with its file, line and field, and what to do; the exit status is 1 when
    there is any, so an editor or a pre-commit hook can run it. Nothing is embedded or indexed.

    \b
    Examples:
      khub check
      khub check corpus/error/my-new-entry.md
      khub check my-notes/ --json
    """
    searched = list(paths) or [settings_from(None).corpus_dir]
    corpus = load_corpus(searched)
    if as_json:
        click.echo(json.dumps({"files": len(corpus.files), "entries": len(corpus.entries),
                               "problems": [problem.as_dict() for problem in corpus.problems]}, indent=2))
    else:
        for problem in corpus.problems:
            click.echo(str(problem), err=True)
        found = f"{len(corpus.problems)} problem(s)" if corpus.problems else "no problems"
        click.echo(f"Checked {len(corpus.entries):,} valid entries in {len(corpus.files)} file(s): {found}.")
    if corpus.problems or not corpus.entries:
        sys.exit(1)

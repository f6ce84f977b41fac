"""``khub ingest --watch``: keep the index in step with the archive's files as they are saved.

watchfiles (Rust's notify underneath) reports additions, edits and deletions and gathers a burst of
saves into one set of changes; each set is applied by the same incremental, atomic ingest as
``khub ingest``. A bad file is reported and skipped, and an ingest that cannot be applied (every
entry broken, a strict-mode problem) leaves the live index serving as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import click

from assistant.paths import milestone_cache
from embeddings.pipeline import IngestResult, run_ingest
from khub.errors import KhubError
from khub.settings import Settings

ARCHIVE_SUFFIXES = (".md", ".jsonl", ".csv")
DEBOUNCE_MS = 400  # saves closer together than this are one change


def watch_archive(paths: Sequence[Path], settings: Settings, *, strict: bool,
                  report: Callable[[IngestResult], None]) -> None:
    """Re-ingest ``paths`` whenever an archive file under them is added, edited or deleted."""
    from watchfiles import DefaultFilter, watch

    class ArchiveFiles(DefaultFilter):
        """Archive files only; editors' swap and backup files are left out by the default filter."""

        def __call__(self, change, path: str) -> bool:
            return path.endswith(ARCHIVE_SUFFIXES) and super().__call__(change, path)

    targets = list(paths) or [settings.corpus_dir]
    click.echo(f"Watching {', '.join(map(str, targets))} for changes (Ctrl-C to stop) ...")
    for changes in watch(*targets, watch_filter=ArchiveFiles(), debounce=DEBOUNCE_MS):
        names = ", ".join(sorted({Path(path).name for _, path in changes}))
        click.echo(f"changed: {names}")
        try:
            report(run_ingest(targets, settings, strict=strict, derive=milestone_cache(settings)))
        except KhubError as exc:
            click.secho(f"not applied, the index is unchanged: {exc}", fg="red", err=True)

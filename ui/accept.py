"""Accept a suggestion: write the entry's Markdown file into the corpus folder, re-ingest, serve the result.

Which file: an entry read from a Markdown file inside the corpus folder is rewritten in place; an
entry from a JSONL or CSV export (or from Markdown elsewhere) gets a new file, ``<corpus>/<id>.md``,
and the export is left untouched. The re-ingest reads the same sources the live index was built
from (its manifest's ``sources``) with every accepted file listed first: where two files hold the
same id the first one read is kept (ingest/load.py), so the accepted text takes precedence.

Nothing is lost: the suggestion row keeps the file's previous text; a write or re-ingest that fails
puts the file back as it was, leaves the live index serving as it was, and the suggestion pending
with the error.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.paths import milestone_cache
from embeddings.pipeline import IngestResult, run_ingest
from embeddings.snapshots import store_for
from ingest.entry import Entry
from ingest.load import load_corpus
from ingest.write import entry_file, write_entry, write_text
from khub.errors import ConfigError
from khub.settings import Settings
from ui.suggestions import Suggestion, SuggestionError, SuggestionStore

MARKDOWN = (".md", ".markdown")
# One acceptance at a time in this process: each re-ingest reads the files the one before wrote.
APPLYING = threading.Lock()


@dataclass(frozen=True)
class Accepted:
    """A suggestion accepted and applied: the row as stored, and the re-ingest that made it live."""

    suggestion: Suggestion
    ingest: IngestResult


def accept_suggestion(store: SuggestionStore, suggestion_id: int, settings: Settings, *, reviewer: str,
                      note: str = "") -> Accepted:
    """Write the suggested text into the entry's Markdown file and re-ingest the live index's sources.

    Raises:
        SuggestionError: not pending, or not applied (the file is put back, the index is as it was, and
            the suggestion stays pending with the error recorded).
    """
    with APPLYING:
        suggestion = store.get(suggestion_id)
        if suggestion.status != "pending":
            raise SuggestionError(f"suggestion #{suggestion_id} was already {suggestion.status} by "
                                  f"{suggestion.decided_by} at {suggestion.decided_at}; refresh the list")
        try:
            written, previous, result = _apply(suggestion, store.accepted_files(), settings)
        except Exception as exc:  # whatever failed, the suggestion stays pending and says why
            store.record_error(suggestion_id, str(exc))
            raise SuggestionError(f"suggestion #{suggestion_id} was not applied, so it stays pending and the "
                                  f"live index is unchanged: {exc}") from exc
        accepted = store.accept(suggestion_id, reviewer, note, file_written=written, previous_text=previous)
    return Accepted(accepted, result)


def _apply(suggestion: Suggestion, accepted: Sequence[Path], settings: Settings) -> tuple[Path, str, IngestResult]:
    paths = ingest_paths(live_sources(settings), accepted, settings.corpus_dir)
    current = current_entry(suggestion.entry_id, paths)
    target = target_file(current, settings.corpus_dir)
    previous = target.read_text(encoding="utf-8") if target.exists() else None
    write_entry(replace(current, title=suggestion.title or current.title, body=suggestion.body), target)
    try:
        result = run_ingest([target, *paths], settings, derive=milestone_cache(settings))
    except BaseException:
        if previous is None:
            target.unlink(missing_ok=True)
        else:
            write_text(target, previous)
        raise
    return target, previous or "", result


def live_sources(settings: Settings) -> list[Path]:
    """The files and folders the live index was built from (the corpus folder for an older index)."""
    index = store_for(settings).open()
    try:
        sources = index.manifest.sources
    finally:
        index.close()
    return [Path(source) for source in sources] or [settings.corpus_dir]


def ingest_paths(sources: Sequence[Path], accepted: Sequence[Path], corpus_dir: Path) -> list[Path]:
    """What to re-ingest: the accepted files first (so they take precedence), then the sources, each once.

    An accepted file deleted since is dropped; any other source that is gone stops the acceptance,
    since re-ingesting without it would drop its entries from the index.
    """
    corpus = corpus_dir.resolve()
    paths = []
    for path in (Path(item).resolve() for item in [*accepted, *sources]):
        if path.exists():
            paths.append(path)
        elif not (path.suffix in MARKDOWN and path.is_relative_to(corpus)):
            raise ConfigError(f"{path}: the live index was built from it but it is gone; put it back, or "
                              "re-ingest without it (khub ingest PATHS ...) before accepting suggestions")
    return list(dict.fromkeys(paths))


def current_entry(entry_id: str, paths: Sequence[Path]) -> Entry:
    """The entry as its source file holds it now (which may be newer than the index)."""
    for entry in load_corpus(paths).entries:
        if entry.id == entry_id:
            return entry
    raise SuggestionError(f"entry {entry_id} is no longer in {', '.join(map(str, paths))}; reject the suggestion")


def target_file(entry: Entry, corpus_dir: Path) -> Path:
    """The entry's own Markdown file when it lives in the corpus folder; else a new file there,
    never one that holds another entry."""
    origin = Path(entry.origin.rsplit(":", 1)[0]).resolve()
    if origin.suffix.lower() in MARKDOWN and origin.is_relative_to(corpus_dir.resolve()):
        return origin
    target = entry_file(entry.id, corpus_dir).resolve()
    stem, number = target.stem, 2
    while target.exists():
        target, number = target.with_name(f"{stem}-{number}.md"), number + 1
    return target

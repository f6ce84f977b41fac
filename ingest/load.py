"""Load an archive: find its files, read every entry, validate, and keep what is good."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.entry import Entry
from ingest.problems import EntryRejected, Problem
from ingest.readers import RawRecord, ReadResult
from ingest.readers.csvfile import read_csv
from ingest.readers.jsonl import read_jsonl
from ingest.readers.markdown import read_markdown
from ingest.validate import validate_record
from khub.errors import ConfigError, CorpusError

READERS: dict[str, Callable[[Path, str], ReadResult]] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
}
# Markdown files that document a folder rather than hold an entry.
NOT_ENTRIES = {"readme.md", "contributing.md", "license.md", "changelog.md"}


@dataclass(frozen=True)
class Corpus:
    """The valid entries of an archive, the problems found, and the files read."""

    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    files: tuple[Path, ...]


def load_corpus(paths: Sequence[Path], *, strict: bool = False) -> Corpus:
    """Read every entry under ``paths``; bad entries become problems (fatal when strict)."""
    files = find_files(paths)
    entries: dict[str, Entry] = {}
    problems: list[Problem] = []
    for path in files:
        for item in READERS[path.suffix.lower()](path, _shown(path)):
            outcome = item if isinstance(item, Problem) else _validate(item, entries)
            if isinstance(outcome, Problem):
                problems.append(outcome)
            else:
                entries[outcome.id] = outcome
    if strict and problems:
        listing = "\n".join(f"  {problem}" for problem in problems)
        raise CorpusError(f"{len(problems)} problem(s) in the archive (--strict makes them fatal):\n{listing}")
    return Corpus(tuple(entries.values()), tuple(problems), tuple(files))


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their entry files (sorted, hidden ones skipped); check explicit files."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(_walk(path))
        elif path.is_file():
            if path.suffix.lower() not in READERS:
                raise ConfigError(f"{path}: cannot read '{path.suffix}' files; "
                                  f"khub reads {', '.join(sorted(READERS))} (or a folder of them)")
            found.append(path)
        else:
            raise ConfigError(f"{path}: no such file or folder; give a corpus folder or a .md/.jsonl/.csv file")
    return list(dict.fromkeys(found))


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith((".", "_")))
        for name in sorted(names):
            path = Path(root, name)
            if name.startswith((".", "_")) or name.lower() in NOT_ENTRIES:
                continue
            if path.suffix.lower() in READERS:
                found.append(path)
    return found


def _validate(record: RawRecord, seen: dict[str, Entry]) -> Entry | Problem:
    try:
        entry = validate_record(record.fields, record.where)
    except EntryRejected as rejected:
        return rejected.problem
    if entry.id in seen:
        return Problem(record.where, f"duplicate id '{entry.id}', first defined at {seen[entry.id].origin}",
                       "give one of them a new id; the first one is kept", "id", entry.id)
    return entry


def _shown(path: Path) -> str:
    """Show a path relative to the working directory when it is below it, as users typed it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)

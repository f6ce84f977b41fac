"""Write an Entry as a Markdown file (YAML front matter, then the body) that reads back as the same Entry.

The inverse of ingest/readers/markdown.py plus ingest/validate.py: a file written here is read by
``khub ingest`` into an entry equal to the one written (its origin aside, line endings made ``\\n``).
Writing is atomic, and checked: the text is read back by the real reader before it replaces a file.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import yaml

from ingest.entry import Entry
from ingest.load import NOT_ENTRIES
from ingest.problems import EntryRejected, Problem, reject
from ingest.readers.markdown import FENCE, read_markdown
from ingest.validate import EXTRA_FIELDS, validate_record

UNSAFE_IN_NAMES = re.compile(r"[^A-Za-z0-9._+@-]+")  # ':' is legal in ids but awkward in file names
SHORT = 80  # a list whose items are all single lines this long or shorter is written on one line


class _FrontMatter(yaml.SafeDumper):
    """Front matter as contributors write it: short lists inline, long ones one item a line, and
    several-line text as a literal block (PyYAML quotes it instead wherever a block cannot hold it)."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    short = all(isinstance(item, str) and "\n" not in item and len(item) <= SHORT for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short)


_FrontMatter.add_representer(str, _text)
_FrontMatter.add_representer(list, _list)


def entry_markdown(entry: Entry) -> str:
    """The Markdown text of ``entry``: its fields as YAML front matter, its body below."""
    fields: dict[str, object] = {"id": entry.id, "kind": entry.kind, "title": entry.title}
    for name in ("languages", "level", "tags", "error_message", "message_variants"):
        value = getattr(entry, name)
        if value:
            fields[name] = list(value) if isinstance(value, tuple) else value
    fields.update((name, entry.extra[name]) for name in EXTRA_FIELDS if name in entry.extra)
    # width: one line per value (PyYAML would fold a long title over several)
    front = yaml.dump(fields, Dumper=_FrontMatter, allow_unicode=True, sort_keys=False, width=1 << 30)
    return f"{FENCE}\n{front}{FENCE}\n\n{_lines(entry.body)}\n"


def read_entry(path: Path) -> Entry:
    """The one entry of a Markdown file, validated; EntryRejected names the line and the fix."""
    for item in read_markdown(path, str(path)):
        if isinstance(item, Problem):
            raise EntryRejected(item)
        return validate_record(item.fields, item.where)
    reject(f"{path}:1", "the file holds no entry", "write the front matter and a body")


def write_entry(entry: Entry, path: Path) -> Path:
    """Write ``entry`` to ``path`` atomically, after checking the text reads back as the same entry.

    Raises:
        EntryRejected: the entry would not read back (an empty body, one over the size limit, ...);
            ``path`` is left as it was.
    """
    return write_text(path, entry_markdown(entry), check=lambda written: _check_reads_back(entry, written, path))


def write_text(path: Path, text: str, check: Callable[[Path], None] | None = None) -> Path:
    """Replace ``path``'s content with ``text`` atomically: a temporary file beside it, flushed to disk,
    ``check``-ed, then renamed over it. On any failure ``path`` is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A hidden name: neither the archive walker nor ``khub ingest --watch`` takes it for an entry.
    handle, name = tempfile.mkstemp(prefix=".khub-", suffix=".md.tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if check is not None:
            check(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def entry_file(entry_id: str, corpus_dir: Path) -> Path:
    """Where a new Markdown file for ``entry_id`` goes in ``corpus_dir``: its id as a path, made safe.

    ``qa/jwt-storage`` becomes ``<corpus_dir>/qa/jwt-storage.md``; parts that would escape the folder
    (``..``), hide the file from ingest (a leading ``.`` or ``_``) or name a README are changed.
    """
    parts = []
    for part in entry_id.split("/"):
        part = UNSAFE_IN_NAMES.sub("-", part).lstrip("._-")
        if part:
            parts.append(part)
    if not parts:
        raise ValueError(f"entry id {entry_id!r} gives no usable file name")
    if f"{parts[-1]}.md".lower() in NOT_ENTRIES:
        parts[-1] += "-entry"
    return Path(corpus_dir, *parts[:-1], f"{parts[-1]}.md")


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _check_reads_back(entry: Entry, written: Path, shown: Path) -> None:
    try:
        found = read_entry(written)
    except EntryRejected as rejected:  # name the file being written, not its temporary twin
        problem = rejected.problem
        raise EntryRejected(replace(problem, where=problem.where.replace(str(written), str(shown)))) from None
    expected = replace(entry, body=_lines(entry.body), origin=found.origin)
    if found != expected or found.content_hash != expected.content_hash:
        reject(f"{shown}:1", "the Markdown written does not read back as the same entry",
               "report this as a khub bug, with the entry's id", entry_id=entry.id)

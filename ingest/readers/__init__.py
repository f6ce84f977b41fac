"""Readers turn archive files into raw records; each knows one format.

Every reader yields ``RawRecord`` for each entry it could read and ``Problem`` for each it
could not, so one bad line never costs the rest of the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.problems import Problem


@dataclass(frozen=True)
class RawRecord:
    """The fields of one entry as written, before validation, and where they came from."""

    fields: dict
    where: str


def read_text(path: Path, shown: str) -> str | Problem:
    """Read a file as UTF-8 (a BOM is allowed); a non-UTF-8 file becomes a Problem with its line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return Problem(f"{shown}:{line}", f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                       "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


ReadResult = Iterator[RawRecord | Problem]

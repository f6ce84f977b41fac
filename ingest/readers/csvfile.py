"""Read CSV exports with pandas: a header row of field names, one entry per row."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ingest.problems import Problem
from ingest.readers import RawRecord, ReadResult

LIST_FIELDS = ("tags", "languages", "message_variants")


def read_csv(path: Path, shown: str) -> ReadResult:
    """Yield a RawRecord per row; list fields may be JSON arrays or ';'/'|'-separated text."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Problem(shown, f"not valid UTF-8 ({exc.reason} at byte {exc.start})", "save the file as UTF-8")
        return
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        yield Problem(shown, f"cannot be read as CSV: {str(exc).strip()}",
                      "check the quoting; a header row with field names must come first")
        return
    for position, row in enumerate(frame.to_dict(orient="records")):
        where = f"{shown}:row {position + 1}"
        fields = {str(key).strip(): value for key, value in row.items() if value != ""}
        for name in LIST_FIELDS:
            if name in fields:
                fields[name] = _split_list(fields[name])
        yield RawRecord(fields, where)


def _split_list(text: str) -> list[str] | str:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError:
            return text
        return value if isinstance(value, list) else text
    separator = ";" if ";" in stripped else "|" if "|" in stripped else ","
    return [part.strip() for part in stripped.split(separator) if part.strip()]

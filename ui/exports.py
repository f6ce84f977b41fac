"""CSV exports a spreadsheet shows as text and never runs (OWASP: CSV Injection), written atomically.

Every cell a user or mentor could have written (questions, answers, notes, suggestions) may start
with what a spreadsheet reads as a formula; each such cell gets a leading ``'``. Every cell is quoted,
since pandas leaves a lone carriage return unquoted, which would split the row for some readers.
"""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may read as the start of a formula


def spreadsheet_safe(value):
    """Text starting with =, +, -, @, a tab or a carriage return gets a leading '; other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Sequence[dict], columns: Sequence[str], path: Path) -> Path:
    """``rows`` as CSV with ``columns``, every cell spreadsheet-safe; written beside, then renamed over,
    so a download or a reader never gets half a file."""
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=list(columns))
    frame = frame.apply(lambda column: column.map(spreadsheet_safe))  # numbers and None pass unchanged
    partial = Path(path).with_name(f".{Path(path).name}.{uuid.uuid4().hex[:12]}.partial")
    frame.to_csv(partial, index=False, quoting=csv.QUOTE_ALL)
    os.replace(partial, path)
    return Path(path)

"""A learning path's milestones, read from its entry: the numbered list under its Milestones heading.

The hub writes each milestone as one list item, ``1. **Title.** What it covers. Build ...``; the
title is the bold lead, the rest is what the milestone teaches (searched to find the entries that
teach it). A path without such a list has no milestones, and is still a path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.entry import Entry

HEADING = re.compile(r"^#{1,3}\s+milestones?\b", re.I)
ITEM = re.compile(r"^(\d+)\.\s+(?:\*\*(.+?)\*\*)?\s*(.*)$")
NEXT_HEADING = re.compile(r"^#{1,3}\s")


@dataclass(frozen=True, kw_only=True)
class Milestone:
    """One step of a path, in its order."""

    n: int
    title: str
    text: str  # what the step covers and builds, as the path says it


def milestones(entry: Entry) -> list[Milestone]:
    """The ordered milestones of a path entry ([] when it lists none)."""
    found: list[Milestone] = []
    inside = False
    for line in entry.body.split("\n"):
        if HEADING.match(line):
            inside = True
        elif inside and NEXT_HEADING.match(line):
            break
        elif inside and (item := ITEM.match(line.strip())):
            number, bold, rest = item.groups()
            title = (bold or rest.split(". ", 1)[0]).strip().rstrip(".")
            found.append(Milestone(n=int(number), title=title, text=rest.strip()))
    return found


def summary(entry: Entry) -> str:
    """A path's summary: its opening paragraph."""
    return entry.body.strip().split("\n\n", 1)[0].strip()

"""The way out an entry states: its cause, its fix, and its broken and corrected code.

Sections are recognised by what they are called and what they hold, in the words any write-up
uses, not by a list per source: a heading that speaks of a cause ("Root Cause", "What went
wrong?", "What this error means") or of a fix ("Fix", "Solution", "What can be done", "Likely
cause and fix"); a code block is broken when its fence or the sentence before it says so
("example-bad", "Erroneous code example:", "invalid") and corrected when they say the opposite
("example-good", "Use an array instead:", "To fix this, ...", a `// ok!` in the code) after a
broken one. Output blocks (a traceback, a compiler's output) are neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.chunk import split_sections
from ingest.entry import Entry

CAUSE_HEADING = re.compile(r"\b(cause|went wrong|means|meaning|why|reason|explanation|explained)\b", re.I)
FIX_HEADING = re.compile(r"\b(fix|fixing|solution|solve|resolv\w*|workaround|remed\w*|can be done|to do|how to)\b",
                         re.I)
SKIP_HEADING = re.compile(r"\b(output|see also|message|error type|status|specifications?|compatibility|where)\b", re.I)
BAD = re.compile(r"\b(erroneous|incorrect|invalid|wrong|bad|broken|fails?|failing|compile_fail|triggers?"
                 r"|causes? this)\b", re.I)
GOOD = re.compile(r"\b(fix\w*|correct\w*|valid|good|instead|works?|solution|ok|should|to solve|resolve\w*)\b", re.I)
OK_COMMENT = re.compile(r"(//|#|--)\s*(ok|fine|works|correct|fixed)\b", re.I)
OUTPUT_FENCE = re.compile(r"^(?:`{3,}|~{3,})\s*(text|plain|console|pytb|output|shell-session|log)?\s*$", re.I)
# The parts of a way out, in the order they are shown and written to JSON, with their headings.
PART_LABELS = {"cause": "Cause", "fix": "Fix", "broken_code": "Broken code", "fixed_code": "Corrected code"}
MAX_TEXT = 700  # characters of cause or fix prose: the entry has the rest
CAUSE_PARAGRAPHS = 2  # a cause is said in its first paragraphs; the rest elaborates


@dataclass(frozen=True)
class Fix:
    """What an entry says caused the error and how to fix it; any part may be missing."""

    cause: str | None = None
    fix: str | None = None
    broken_code: str | None = None  # a fenced block, as the entry gives it
    fixed_code: str | None = None

    @property
    def shows_a_way_out(self) -> bool:
        """Whether it says what to do: a fix, or corrected code."""
        return bool(self.fix or self.fixed_code)

    def parts(self) -> list[tuple[str, str]]:
        """The parts the entry states, in order, each with its heading: ``[("Cause", text), ...]``."""
        return [(label, text) for part, label in PART_LABELS.items() if (text := getattr(self, part))]

    def held_by(self, passage: str) -> bool:
        """Whether a passage of the entry holds part of what this fix states (its cause, fix or code)."""
        for _, text in self.parts():
            lines = [line.strip() for line in text.split("\n")
                     if line.strip() and not line.startswith(("```", "~~~"))]
            if lines and lines[0][:60] in passage:
                return True
        return False

    def as_dict(self) -> dict:
        """``{"cause", "fix", "broken_code", "fixed_code"}``, null where the entry states no such part."""
        return {part: getattr(self, part) for part in PART_LABELS}


def find_fix(entry: Entry | None) -> Fix | None:
    """The cause, fix and code an entry states; None when it states none of them."""
    if entry is None:
        return None
    sections = [(name, blocks) for name, blocks in split_sections(entry) if name != "Error message"]
    cause = (_section_text(sections, CAUSE_HEADING, exclude=FIX_HEADING, code=False)
             or _section_text(sections, CAUSE_HEADING, code=False))
    fix = _section_text(sections, FIX_HEADING, code=True)
    broken, fixed, lead = _example_code(sections)
    if cause is None and sections:
        cause = _opening(sections[0][1])
    found = Fix(cause, fix or lead, broken, fixed)
    return found if any(found.as_dict().values()) else None


def _section_text(sections: list[tuple[str, list[str]]], heading: re.Pattern, *, code: bool,
                  exclude: re.Pattern | None = None) -> str | None:
    """The prose of the first section whose heading matches (with its code blocks when ``code``)."""
    for name, blocks in sections:
        if heading.search(name) and not SKIP_HEADING.search(name) and not (exclude and exclude.search(name)):
            kept = [block for block in blocks
                    if not _is_output(block) and (code or not block.startswith(("```", "~~~")))]
            text = "\n\n".join(kept if code else kept[:CAUSE_PARAGRAPHS])
            if text.strip():
                return _cut(text)
    return None


def _example_code(sections: list[tuple[str, list[str]]]) -> tuple[str | None, str | None, str | None]:
    """The first broken code block, the first corrected one after it, and the sentence that leads
    into the corrected one when it says how to fix."""
    broken = fixed = lead = None
    for name, blocks in sections:
        if SKIP_HEADING.search(name):
            continue
        before = ""
        for block in blocks:
            if not block.startswith(("```", "~~~")):
                before = block
                continue
            if _is_output(block):
                continue
            fence = block.split("\n", 1)[0]
            if (broken is None and (BAD.search(fence) or BAD.search(before) or BAD.search(name))
                    and not GOOD.search(fence)):
                broken = block
            elif broken is not None and fixed is None and (GOOD.search(fence) or GOOD.search(before)
                                                           or GOOD.search(name) or OK_COMMENT.search(block)):
                fixed, lead = block, (before if GOOD.search(before) else None)
            before = ""
    return broken, fixed, lead and _cut(lead)


def _opening(blocks: list[str]) -> str | None:
    """The first paragraph of the opening that says something (not a label, a lead-in to code, or code)."""
    for block in blocks:
        if not block.startswith(("```", "~~~", "#")) and len(block.split()) >= 5 and not block.rstrip().endswith(":"):
            return _cut(block)
    return None


def _is_output(block: str) -> bool:
    """A fenced block holding what a tool printed rather than code to change."""
    return block.startswith(("```", "~~~")) and bool(OUTPUT_FENCE.match(block.split("\n", 1)[0]))


def _cut(text: str) -> str:
    text = text.strip()
    if len(text) <= MAX_TEXT or "```" in text[:MAX_TEXT]:
        return text if len(text) <= 3 * MAX_TEXT else text[:3 * MAX_TEXT].rsplit("\n", 1)[0] + "\n…"
    return text[:MAX_TEXT].rsplit(" ", 1)[0] + " …"

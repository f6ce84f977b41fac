"""The evidence that an archive entry explains one error of a paste, as numbers a fitted model weighs.

Each (error, entry) pair gets the same features, whatever the language: a shared error code, how
alike the closest message template is, whether the error types agree (or the entry's is a parent
class of the paste's), the ecosystem, what hybrid search says about the message and its source
line, and how much of the entry's tags the paste shows. ``assistant/diagnose/ranker.py`` turns
them into a score; ``reason`` says in words which evidence is the strongest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from assistant.diagnose.hierarchy import is_a
from assistant.diagnose.match import Matches, MessageMatch
from assistant.diagnose.signature import ErrorSignature

FEATURES = (
    "code",  # the error code both carry (E0382, TS2322, 1452, SQLSTATE 23503)
    "other_code",  # both carry codes, none shared: a strong sign of another error
    "similarity",  # 0..1, the closest message template
    # how far above 0.6 / 0.8 / 0.9 it is (hinges: a close template says much more)
    "similar_60", "similar_80", "similar_90",
    "headline",  # that closest template is the entry's own message, not one of the variants it lists
    "same_type",  # the same error type (TypeError, KeyError)
    "other_type",  # both name a type, and they differ
    "type_unknown",  # the paste's error or the entry names no type (PHP's "Fatal error", a tool's line)
    "type_rarity",  # for the same type: 1 when one entry has it, less the more entries share it
    "parent",  # the entry's type is a parent class of the paste's: 1 direct parent, 0.5 grandparent, ...
    "same_ecosystem", "other_ecosystem",  # both 0 when either side's ecosystem is unknown
    "chunk", "lead", "bm25",  # hybrid search on the message and its source line: cosines and relative BM25
    "context",  # 0..1, the share of the entry's tags (weighted by rarity) the paste shows
    "framework_unmet",  # the entry is about a framework (React, WordPress, ...) the paste shows no sign of
    "source",  # cosine of the source line the tool showed with the entry's closest chunk (0 when none shown)
    "error_entry",  # 1 for a debug-archive entry (an error with its message), 0 for a Q&A, article or snippet
    "about_class",  # the entry explains an error class in general (its message is only the class name)
    "primary",  # 1 for the paste's primary error, 0 for another error printed with it
    "warning",  # 1 when the paste's error is only a warning (the program may have failed for another reason)
)


@dataclass(frozen=True)
class SearchColumns:
    """What hybrid search found for one error's message, per entry: best chunk and lead cosines,
    relative BM25."""

    chunk: np.ndarray
    lead: np.ndarray
    bm25: np.ndarray


@dataclass(frozen=True)
class PasteColumns:
    """What the rest of the paste says about each entry: its tags seen or not, its code near the error."""

    context: np.ndarray  # 0..1, the share of the entry's tags the paste shows
    framework_unmet: np.ndarray  # bool
    source: np.ndarray  # cosine of the source line the tool showed with the entry's closest chunk
    error_entry: np.ndarray  # bool: a debug-archive entry
    about_class: np.ndarray  # bool


@dataclass(frozen=True)
class PairEvidence:
    """The features of one (error, entry) pair, and how to say why they match."""

    pos: int
    values: tuple[float, ...]  # in the order of FEATURES
    reason: str
    message: str | None  # the entry's message closest to the error's, when it is close

    def feature(self, name: str) -> float:
        return self.values[FEATURES.index(name)]


def pair_values(positions: np.ndarray, matches: Matches, same_ecosystem: np.ndarray, search: SearchColumns,
                paste: PasteColumns, primary: bool, warning: bool) -> np.ndarray:
    """The features of many entries (``positions``, ascending) against one error of the paste: one row
    per entry, one column per name of FEATURES. ``same_ecosystem`` is 1, 0 or -1 (unknown) per entry."""
    at, matched = matches.rows_of(positions)

    def of_match(column: np.ndarray, otherwise) -> np.ndarray:  # the match's value, ``otherwise`` for no match
        found = np.full(len(positions), otherwise, dtype=column.dtype)
        found[matched] = column[at[matched]]
        return found

    similarity = of_match(matches.similarity, 0.0)
    same_type = of_match(matches.same_type, -1)  # no match: the type is unknown too
    depth = of_match(matches.parent_depth, 0)
    rarity = 1 / math.log2(1 + matches.type_entries) if matches.type_entries else 0.0
    columns = {
        "code": of_match(matches.same_code, False),
        "other_code": of_match(matches.other_code, False),
        "similarity": similarity,
        "similar_60": np.maximum(0.0, similarity - 0.6), "similar_80": np.maximum(0.0, similarity - 0.8),
        "similar_90": np.maximum(0.0, similarity - 0.9),
        "headline": of_match(matches.headline, False) & (similarity >= 0.6),
        "same_type": same_type == 1,
        "other_type": (same_type == 0) & (depth == 0),
        "type_unknown": same_type == -1,
        "type_rarity": np.where(same_type == 1, rarity, 0.0),
        "parent": np.divide(1.0, depth, out=np.zeros(len(positions)), where=depth > 0),
        "same_ecosystem": same_ecosystem == 1, "other_ecosystem": same_ecosystem == 0,
        "chunk": search.chunk, "lead": search.lead, "bm25": search.bm25,
        "context": paste.context, "framework_unmet": paste.framework_unmet, "source": paste.source,
        "error_entry": paste.error_entry, "about_class": paste.about_class,
        "primary": np.full(len(positions), float(primary)),
        "warning": np.full(len(positions), float(warning)),
    }
    return np.column_stack([np.asarray(columns[name], dtype=np.float64) for name in FEATURES]) if len(positions) \
        else np.zeros((0, len(FEATURES)))


def explain_pair(pos: int, values: tuple[float, ...], match: MessageMatch | None, same_ecosystem: bool | None,
                 error: ErrorSignature) -> PairEvidence:
    """One (error, entry) pair with its features, and in words why they match."""
    reason = _reason(match, error.error_type)
    return PairEvidence(pos, values, f"other ecosystem; {reason}" if same_ecosystem is False else reason,
                        match.message if match and match.similarity >= 0.6 else None)


def is_warning(error: ErrorSignature) -> bool:
    """Whether a tool reported the error as a warning (Python's warning classes, rustc's and tsc's
    "warning", PHP's Warning, Notice and Deprecated levels)."""
    kind = (error.error_type or "").split(".")[-1]
    return kind.endswith("Warning") or kind.lower() in ("warning", "notice", "deprecated") or \
        error.message.lower().startswith(("warning:", "warning[", "php warning", "php notice", "php deprecated"))


def strength(evidence: PairEvidence) -> int:
    """The kind of evidence, strongest first: 5 a shared code, 4 the same message template, 3 a
    similar message, 2 the same error type, 1 a parent class, 0 similar text only."""
    return int(strengths(np.array([evidence.values]))[0])


def strengths(values: np.ndarray) -> np.ndarray:
    """``strength`` of each row of feature values."""
    column = {name: values[:, FEATURES.index(name)] for name in ("code", "similarity", "same_type", "parent")}
    similarity = column["similarity"]
    return np.select([column["code"] != 0, similarity >= 0.9, similarity >= 0.6, column["same_type"] != 0,
                      column["parent"] != 0], [5, 4, 3, 2, 1], 0)


def prior(evidence: PairEvidence) -> float:
    """Which of an entry's pairs shows the clearest evidence, before any model: used only to pick the
    pair a labelled case trains on, when a paste holds several errors."""
    return max(evidence.feature("code"), evidence.feature("similarity"), 0.5 * evidence.feature("same_type"),
               0.4 * evidence.feature("parent")) + 0.1 * evidence.feature("primary")


def _reason(match: MessageMatch | None, error_type: str | None) -> str:
    if match is None:
        return "similar text"
    if match.same_code:
        return f"same error code {match.same_code}"
    if match.similarity >= 0.9:
        return "same message template"
    if match.similarity >= 0.6:
        return f"similar message ({match.similarity:.0%})"
    if match.same_type:
        return "same error type"
    if match.parent and error_type:
        return is_a(error_type, match.parent)
    return "similar text"

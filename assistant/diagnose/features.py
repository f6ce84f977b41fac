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

from assistant.diagnose.hierarchy import is_a
from assistant.diagnose.match import MessageMatch
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
class SearchEvidence:
    """What hybrid search found for one error's message: best chunk and lead cosines, relative BM25."""

    chunk: float = 0.0
    lead: float = 0.0
    bm25: float = 0.0


@dataclass(frozen=True)
class PasteEvidence:
    """What the rest of the paste says about one entry: its tags seen or not, its code near the error."""

    context: float = 0.0
    framework_unmet: bool = False
    source: float = 0.0
    error_entry: bool = False
    about_class: bool = False
    curated: bool = False


@dataclass(frozen=True)
class PairEvidence:
    """The features of one (error, entry) pair, and how to say why they match."""

    pos: int
    values: tuple[float, ...]  # in the order of FEATURES
    reason: str
    message: str | None  # the entry's message closest to the error's, when it is close

    def feature(self, name: str) -> float:
        return self.values[FEATURES.index(name)]


def pair_evidence(pos: int, match: MessageMatch | None, search: SearchEvidence, same_ecosystem: bool | None,
                  paste: PasteEvidence, primary: bool, error: ErrorSignature) -> PairEvidence:
    """The features of one entry against one error of the paste."""
    similarity = match.similarity if match else 0.0
    same_type = bool(match and match.same_type)
    values = {
        "code": float(bool(match and match.same_code)),
        "other_code": float(bool(match and match.other_code)),
        "similarity": similarity,
        "similar_60": max(0.0, similarity - 0.6), "similar_80": max(0.0, similarity - 0.8),
        "similar_90": max(0.0, similarity - 0.9),
        "headline": float(bool(match and match.headline) and similarity >= 0.6),
        "same_type": float(same_type),
        "other_type": float(bool(match and match.same_type is False and not match.parent)),
        "type_unknown": float(match is None or match.same_type is None),
        "type_rarity": 1 / math.log2(1 + match.type_entries) if match and match.same_type and match.type_entries
                       else 0.0,
        "parent": 1 / match.parent_depth if match and match.parent_depth else 0.0,
        "same_ecosystem": float(same_ecosystem is True), "other_ecosystem": float(same_ecosystem is False),
        "chunk": search.chunk, "lead": search.lead, "bm25": search.bm25,
        "context": paste.context, "framework_unmet": float(paste.framework_unmet), "source": paste.source,
        "error_entry": float(paste.error_entry), "about_class": float(paste.about_class),
        "primary": float(primary),
        "warning": float(is_warning(error)),
    }
    reason = _reason(match, error.error_type)
    return PairEvidence(pos, tuple(values[name] for name in FEATURES),
                        f"other ecosystem; {reason}" if same_ecosystem is False else reason,
                        match.message if match and similarity >= 0.6 else None)


def is_warning(error: ErrorSignature) -> bool:
    """Whether a tool reported the error as a warning (Python's warning classes, rustc's and tsc's
    "warning", PHP's Warning, Notice and Deprecated levels)."""
    kind = (error.error_type or "").split(".")[-1]
    return kind.endswith("Warning") or kind.lower() in ("warning", "notice", "deprecated") or \
        error.message.lower().startswith(("warning:", "warning[", "php warning", "php notice", "php deprecated"))


def strength(evidence: PairEvidence) -> int:
    """The kind of evidence, strongest first: 5 a shared code, 4 the same message template, 3 a
    similar message, 2 the same error type, 1 a parent class, 0 similar text only."""
    similarity = evidence.feature("similarity")
    return (5 if evidence.feature("code") else 4 if similarity >= 0.9 else 3 if similarity >= 0.6
            else 2 if evidence.feature("same_type") else 1 if evidence.feature("parent") else 0)


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

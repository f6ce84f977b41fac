"""What a query asks for: its meaningful words, and the filters on kind, language and level.

Shared by the full-text index (embeddings/database.py), search, refusal and citation checks, so that
every part counts a query's words the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+", re.UNICODE)
STOPWORDS = frozenset(
    "a an and are as at be but by can do does for from how i if in into is it its me my of on or "
    "should so that the their then there these this to was what when where which while who why will "
    "with you your".split()
)


@dataclass(frozen=True)
class Filters:
    """Restrict results by entry kind, language and level (None means any)."""

    kind: str | None = None
    language: str | None = None
    level: str | None = None

    @property
    def active(self) -> bool:
        return any((self.kind, self.language, self.level))


IDENTIFIER = re.compile(r"\b[a-z]+(?:[A-Z][a-z0-9]+)+\b|\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\b")
CAMEL_PART = re.compile(r"[A-Z]?[a-z0-9]+")


def identifier_parts(text: str) -> list[str]:
    """The words inside code identifiers: "useDebounce" -> ["use", "debounce"] (snake_case splits anyway)."""
    return [part.lower() for name in IDENTIFIER.findall(text) for part in CAMEL_PART.findall(name)]


def query_words(query: str) -> list[str]:
    """The words of a query that carry meaning, lower-cased, in order, once each; the words inside
    camelCase identifiers are added, so "useDebounce" also finds text about debouncing."""
    words = [word.lower() for word in WORD.findall(query)] + identifier_parts(query)
    kept = [word for word in words if word not in STOPWORDS] or words
    return list(dict.fromkeys(kept))


def query_terms(text: str) -> set[str]:
    """The set of meaningful lower-cased words in a text."""
    return set(query_words(text))

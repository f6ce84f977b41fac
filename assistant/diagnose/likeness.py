"""How alike two error-message templates are, and what a template says of its error type.

A template is an error message with its variable parts (names, numbers, quoted values) replaced by
placeholders, keyed once at ingest (ingest/error_messages.py). Diagnosis compares a paste's template
with every template of the archive at once (rapidfuzz), and prefix look-ups find the ones that share
a leading clause.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz, process

# The generic words every error can be called: no error type of their own.
BASE_TYPES = frozenset({"error", "exception", "baseexception", "throwable", "panic", "warning", "fatal error"})


def similarities(body: str, bodies: list[str], leading: np.ndarray | None = None) -> np.ndarray:
    """How alike one template body is to each of many, 0..100.

    The character ratio sees wording; the token-set ratio forgives a differing name in an unquoted
    position ("users.findAll is not a function" vs "x.y is not a function"); a shared leading
    clause counts fully, as hints trail off the end ("name <v> is not defined. did you mean: <v>?").
    ``leading`` says which of ``bodies`` share one with ``body``, when a LeadingClauses has looked it up.
    """
    if not body or not bodies:
        return np.zeros(len(bodies))
    ratio = process.cdist([body], bodies, scorer=fuzz.ratio)[0]
    token_set = process.cdist([body], bodies, scorer=fuzz.token_set_ratio)[0]
    if leading is None:
        leading = np.array([_leading_clause(body, other) for other in bodies], dtype=bool)
    return np.maximum((ratio + token_set) / 2, np.where(leading, 95.0, 0.0))


class LeadingClauses:
    """Which of many bodies share a leading clause with a given one (``_leading_clause``), by prefix
    look-ups in the sorted bodies rather than a comparison with each: the same answer, without a
    Python loop over every message of a large archive for each error of a paste."""

    def __init__(self, bodies: list[str]):
        self._count = len(bodies)
        self._order = sorted(range(len(bodies)), key=bodies.__getitem__)
        self._sorted = [bodies[i] for i in self._order]
        self._at: dict[str, list[int]] = defaultdict(list)
        for index, other in enumerate(bodies):
            self._at[other].append(index)
        self._lengths = sorted({len(other) for other in bodies})

    def shared_with(self, body: str) -> np.ndarray:
        """A mask over the bodies: True where one begins with the other, the shorter at least half as long."""
        found = np.zeros(self._count, dtype=bool)
        if not body:
            return found
        start = bisect.bisect_left(self._sorted, body)  # bodies beginning with ``body`` sort right after it
        for at in range(start, len(self._sorted)):
            other = self._sorted[at]
            if not other.startswith(body):
                break
            found[self._order[at]] = len(body) >= 0.5 * len(other)
        shortest = bisect.bisect_left(self._lengths, math.ceil(len(body) / 2))
        for length in self._lengths[shortest:]:  # bodies that ``body`` begins with
            if length > len(body):
                break
            for index in self._at.get(body[:length], ()):
                found[index] = True
        return found


def _leading_clause(left: str, right: str) -> bool:
    shorter, longer = sorted((left, right), key=len)
    return bool(shorter) and longer.startswith(shorter) and len(shorter) >= 0.5 * len(longer)


def body_of(template: str) -> str:
    """A template without its "someerror: " prefix: the type is weighed on its own, and it would make
    every short message of a type look alike ("typeerror: x" vs "typeerror: y")."""
    if template_type(template) and ":" in template:
        return template.split(":", 1)[1].strip() or template
    return template


def template_type(template: str) -> str:
    """The error type a template starts with ("typeerror" in "typeerror: ..."), or ''."""
    head = template.split(":", 1)[0].strip()
    if " " in head or not head or head.startswith(("error[", "warning", "error <n>")):
        return ""
    name = head.split(".")[-1]
    return "" if name in BASE_TYPES else name

"""Match an ErrorSignature against the archive's error entries: codes, message templates, ecosystems.

The catalog holds every error entry's messages (``error_message`` and ``message_variants``), keyed
once at ingest as templates, plus its error codes and ecosystems. A signature is compared with all
of them at once (rapidfuzz), which takes a millisecond for the whole archive.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from assistant.diagnose.signature import ErrorSignature

# Ecosystems whose errors an entry of another ecosystem can still explain.
COMPATIBLE = {
    "mysql": {"sql"}, "postgresql": {"sql"}, "sql": {"sql"},
    "typescript": {"typescript", "javascript"},
    "javascript": {"javascript", "typescript", "http", "html", "css"},  # browsers report HTTP and CORS errors
}
BASE_TYPES = frozenset({"error", "exception", "baseexception", "throwable", "panic", "warning", "fatal error"})
MIN_SIMILARITY = 45  # templates less alike than this (0..100) are no evidence at all


@dataclass(frozen=True)
class MessageMatch:
    """How well one entry's messages match one signature."""

    pos: int
    similarity: float  # 0..1, the closest of the entry's message templates
    message: str  # that closest message, as the entry gives it
    same_code: str | None  # the error code both carry, if any
    same_type: bool | None  # the entry's closest message has the signature's error type (None: unknown)
    type_entries: int  # how many entries have the signature's error type (1 = a rare, telling type)
    same_ecosystem: bool | None  # None when either side's ecosystem is unknown


class ErrorCatalog:
    """The archive's error entries, keyed for matching."""

    def __init__(self, messages: list[tuple[int, str, str]], entries: list[tuple[int, tuple, tuple, tuple]]):
        self._positions = [pos for pos, _, _ in messages]
        self._messages = [message for _, message, _ in messages]
        self._templates = [template for _, _, template in messages]
        self._bodies = [body_of(template) for template in self._templates]
        self._codes = {pos: set(codes) for pos, codes, _, _ in entries}
        self._ecosystems = {pos: set(ecosystems) for pos, _, ecosystems, _ in entries}
        self._frameworks = {pos: set(frameworks) for pos, _, _, frameworks in entries}
        # How many entries share each error type: "TypeError" says little, "ZeroDivisionError" much.
        self._type_counts: dict[str, int] = defaultdict(int)
        first_message = {pos: index for index, pos in reversed(list(enumerate(self._positions)))}
        for index in first_message.values():
            self._type_counts[_error_type(self._templates[index])] += 1
        self._by_code: dict[str, set[int]] = defaultdict(set)
        for pos, codes in self._codes.items():
            for code in codes:
                self._by_code[code].add(pos)

    def __len__(self) -> int:
        return len(self._codes)

    def match(self, signature: ErrorSignature) -> dict[int, MessageMatch]:
        """Every entry with a close message template, a shared code, or the same error type, by pos."""
        if not self._templates:
            return {}
        scores = similarities(body_of(signature.template), self._bodies)
        error_type = _signature_type(signature)
        best: dict[int, int] = {}
        for index, pos in enumerate(self._positions):
            if pos not in best or scores[index] > scores[best[pos]]:
                best[pos] = index
        wanted = {pos for pos, index in best.items() if scores[index] >= MIN_SIMILARITY}
        wanted |= {pos for code in signature.codes for pos in self._by_code.get(code, ())}
        wanted |= {pos for pos, index in best.items() if error_type and _error_type(self._templates[index]) == error_type}
        return {pos: self._match(signature, pos, float(scores[best[pos]]) / 100, best[pos], error_type) for pos in wanted}

    def _match(self, signature: ErrorSignature, pos: int, similarity: float, index: int, error_type: str) -> MessageMatch:
        shared = sorted(signature.codes & self._codes.get(pos, set()))
        theirs = _error_type(self._templates[index])
        return MessageMatch(
            pos=pos, similarity=similarity, message=self._messages[index], same_code=shared[0] if shared else None,
            same_type=None if not (error_type and theirs) else error_type == theirs,
            type_entries=self._type_counts.get(error_type, 0),
            same_ecosystem=self.same_ecosystem(signature.ecosystem, pos),
        )

    def frameworks(self, pos: int) -> set[str]:
        """The frameworks an entry is specific to (React, WordPress, Django, ...)."""
        return self._frameworks.get(pos, set())

    def same_ecosystem(self, ecosystem: str, pos: int) -> bool | None:
        """Whether an entry belongs to the paste's ecosystem; None if either is unknown."""
        theirs = self._ecosystems.get(pos, set())
        if ecosystem == "unknown" or not theirs:
            return None
        return bool(theirs & COMPATIBLE.get(ecosystem, {ecosystem}))


def template_similarity(left: str, right: str) -> float:
    """0..100: how alike two templates are (see ``similarities``, which computes this for many at once)."""
    return float(similarities(body_of(left), [body_of(right)])[0])


def similarities(body: str, bodies: list[str]) -> np.ndarray:
    """How alike one template body is to each of many, 0..100.

    The character ratio sees wording; the token-set ratio forgives a differing name in an unquoted
    position ("users.findAll is not a function" vs "x.y is not a function"); a shared leading
    clause counts fully, as hints trail off the end ("name <v> is not defined. did you mean: <v>?").
    """
    if not body or not bodies:
        return np.zeros(len(bodies))
    ratio = process.cdist([body], bodies, scorer=fuzz.ratio)[0]
    token_set = process.cdist([body], bodies, scorer=fuzz.token_set_ratio)[0]
    prefix = np.array([95.0 if _leading_clause(body, other) else 0.0 for other in bodies])
    return np.maximum((ratio + token_set) / 2, prefix)


def _leading_clause(left: str, right: str) -> bool:
    shorter, longer = sorted((left, right), key=len)
    return bool(shorter) and longer.startswith(shorter) and len(shorter) >= 0.5 * len(longer)


def body_of(template: str) -> str:
    """A template without its "someerror: " prefix: the type is weighed on its own, and it would make
    every short message of a type look alike ("typeerror: x" vs "typeerror: y")."""
    if _error_type(template) and ":" in template:
        return template.split(":", 1)[1].strip() or template
    return template


def _error_type(template: str) -> str:
    """The error type a template starts with ("typeerror" in "typeerror: ..."), or ''."""
    head = template.split(":", 1)[0].strip()
    if " " in head or not head or head.startswith(("error[", "warning", "error <n>")):
        return ""
    name = head.split(".")[-1]
    return "" if name in BASE_TYPES else name


def _signature_type(signature: ErrorSignature) -> str:
    """The signature's error type in the templates' form (last dotted part, lower-cased); '' for the
    base types every error can have ("Error", "Exception"), which say nothing about which error it is."""
    error_type = (signature.error_type or "").lower().split(".")[-1].split("\\")[-1]
    if not error_type or " " in error_type or error_type in BASE_TYPES:
        return ""
    return error_type

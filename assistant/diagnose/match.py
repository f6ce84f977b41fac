"""Match an ErrorSignature against the archive's error entries: codes, message templates, ecosystems.

The catalog holds every error entry's messages (``error_message`` and ``message_variants``), keyed
once at ingest as templates, plus its error codes and ecosystems. A signature is compared with all
of them at once (rapidfuzz), which takes a millisecond for the whole archive.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from assistant.diagnose.signature import ErrorSignature

# Ecosystems whose errors an entry of another ecosystem can still explain.
COMPATIBLE = {
    "mysql": {"sql"}, "postgresql": {"sql"}, "sql": {"sql"},
    "typescript": {"typescript", "javascript"}, "javascript": {"javascript", "typescript"},
}
MIN_SIMILARITY = 45  # templates less alike than this (0..100) are no evidence at all


@dataclass(frozen=True)
class MessageMatch:
    """How well one entry's messages match one signature."""

    pos: int
    similarity: float  # 0..1, the closest of the entry's message templates
    message: str  # that closest message, as the entry gives it
    same_code: str | None  # the error code both carry, if any
    same_type: bool | None  # the entry's closest message has the signature's error type (None: unknown)
    same_ecosystem: bool | None  # None when either side's ecosystem is unknown


class ErrorCatalog:
    """The archive's error entries, keyed for matching."""

    def __init__(self, messages: list[tuple[int, str, str]], entries: list[tuple[int, tuple, tuple]]):
        self._positions = [pos for pos, _, _ in messages]
        self._messages = [message for _, message, _ in messages]
        self._templates = [template for _, _, template in messages]
        self._codes = {pos: set(codes) for pos, codes, _ in entries}
        self._ecosystems = {pos: set(ecosystems) for pos, _, ecosystems in entries}
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
        scores = process.cdist([signature.template], self._templates, scorer=template_similarity)[0]
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
            same_ecosystem=self.same_ecosystem(signature.ecosystem, pos),
        )

    def same_ecosystem(self, ecosystem: str, pos: int) -> bool | None:
        """Whether an entry belongs to the paste's ecosystem; None if either is unknown."""
        theirs = self._ecosystems.get(pos, set())
        if ecosystem == "unknown" or not theirs:
            return None
        return bool(theirs & COMPATIBLE.get(ecosystem, {ecosystem}))


def template_similarity(left: str, right: str, **_) -> float:
    """0..100: how alike two templates are; a shared leading clause counts, as hints trail off the end.


    ``nameerror: name <v> is not defined. did you mean: <v>?`` is the same error as
    ``nameerror: name <v> is not defined``: the prefix score catches that, the plain ratio the rest.
    """
    if not left or not right:
        return 0.0
    # The character ratio sees wording; the token-set ratio forgives a differing name in an
    # unquoted position ("users.findAll is not a function" vs "x.y is not a function").
    blend = (fuzz.ratio(left, right) + fuzz.token_set_ratio(left, right)) / 2
    shorter, longer = sorted((left, right), key=len)
    prefix = 100.0 * 0.95 if longer.startswith(shorter) and len(shorter) >= 0.5 * len(longer) else 0.0
    return max(blend, prefix)


def _error_type(template: str) -> str:
    """The error type a template starts with ("typeerror" in "typeerror: ..."), or ''."""
    head = template.split(":", 1)[0].strip()
    if " " in head or not head or head.startswith(("error[", "warning", "error <n>")):
        return ""
    return head.split(".")[-1]


def _signature_type(signature: ErrorSignature) -> str:
    """The signature's error type in the templates' form: last dotted part, lower-cased."""
    error_type = (signature.error_type or "").lower().split(".")[-1].split("\\")[-1]
    return error_type if error_type and " " not in error_type else ""

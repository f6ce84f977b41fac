"""Match an ErrorSignature against the archive's error entries: codes, message templates, types, ecosystems.

The catalog holds every message an error entry states (keyed once at ingest as templates), its
error codes, error type, ecosystems and tags. A signature is compared with all of them at once
(rapidfuzz), which takes a millisecond for the whole archive.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from assistant.diagnose.hierarchy import ancestors
from assistant.diagnose.signature import ErrorSignature
from ingest.error_messages import FRAMEWORK_SIGNS, FRAMEWORKS

# Ecosystems whose errors an entry of another ecosystem can still explain.
COMPATIBLE = {
    "mysql": {"sql"}, "postgresql": {"sql"}, "sql": {"sql"},
    "typescript": {"typescript", "javascript"},
    "javascript": {"javascript", "typescript", "http", "html", "css"},  # browsers report HTTP and CORS errors
    "npm": {"javascript"}, "pip": {"python"},  # package managers of a language: its entries can explain them
}
BASE_TYPES = frozenset({"error", "exception", "baseexception", "throwable", "panic", "warning", "fatal error"})
PYTHON_BASES = frozenset({"exception", "baseexception"})
MIN_SIMILARITY = 45  # templates less alike than this (0..100) are no evidence at all
WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class CatalogEntry:
    """What the index keyed about one error entry at ingest."""

    pos: int
    codes: frozenset[str]
    ecosystems: frozenset[str]
    tags: tuple[str, ...]
    error_type: str  # the entry's error type in template form ("keyerror"), '' when it is no class name
    curated: bool  # written by the hub itself, not imported from an outside source
    about_class: bool  # its messages are only a class name: it explains the class in general


@dataclass(frozen=True)
class MessageMatch:
    """How one entry's messages, code and type match one signature."""

    pos: int
    similarity: float  # 0..1, the closest of the entry's message templates
    message: str  # that closest message, as the entry gives it
    same_code: str | None  # the error code both carry, if any
    other_code: bool  # both carry codes, and none is shared
    same_type: bool | None  # the entry's error type is the signature's (None: either is unknown)
    type_entries: int  # how many entries have the signature's error type (1 = a rare, telling type)
    parent: str | None  # the signature's type is a subclass of the entry's: the parent's name
    parent_depth: int  # 1 for the direct parent, 2 for its parent, ...
    same_ecosystem: bool | None  # None when either side's ecosystem is unknown
    headline: bool = False  # that closest message is the one the entry is about (its first), not a variant it lists


class ErrorCatalog:
    """The archive's error entries, keyed for matching."""

    def __init__(self, messages: list[tuple[int, str, str]], entries: list[tuple],
                 ecosystems: dict[int, set[str]] | None = None):
        self._positions = [pos for pos, _, _ in messages]
        self._messages = [message for _, message, _ in messages]
        self._bodies = [body_of(template) for _, _, template in messages]
        # Many entries state the same message: each distinct body is compared with a paste's once.
        self._distinct = list(dict.fromkeys(self._bodies))
        where = {body: index for index, body in enumerate(self._distinct)}
        self._distinct_of = np.array([where[body] for body in self._bodies], dtype=np.int64)
        self._leading = LeadingClauses(self._distinct)
        # An entry's first message is its own (its error_message); the rest are variants it lists,
        # some of which another entry is about ("x is not a function" on the instanceof page).
        self._headlines: dict[int, int] = {}
        for index, (pos, _, _) in enumerate(messages):
            self._headlines.setdefault(pos, index)
        templates: dict[int, list[str]] = defaultdict(list)
        for pos, _, template in messages:
            templates[pos].append(template)
        self._entries = {row[0]: _catalog_entry(row, templates[row[0]]) for row in entries}
        self._by_code: dict[str, set[int]] = defaultdict(set)
        self._by_type: dict[str, set[int]] = defaultdict(set)
        for pos, entry in self._entries.items():
            for code in entry.codes:
                self._by_code[code].add(pos)
            if entry.error_type:
                self._by_type[entry.error_type].add(pos)
        # How telling a tag is: "python" is on hundreds of entries, "wordpress" on one.
        frequency: dict[str, int] = defaultdict(int)
        for entry in self._entries.values():
            for tag in entry.tags:
                frequency[tag] += 1
        self._tag_weight = {tag: math.log((1 + len(self._entries)) / count) for tag, count in frequency.items()}
        self._tag_words = {tag: frozenset(WORD.findall(tag)) for tag in frequency}
        self._tag_total = {pos: sum(self._tag_weight[tag] for tag in entry.tags)
                           for pos, entry in self._entries.items()}
        # Every entry's ecosystems, error entries or not (an article about npm, a snippet about git).
        self._ecosystems = {pos: set(found) for pos, found in (ecosystems or {}).items()}
        self._ecosystems.update({pos: set(entry.ecosystems) for pos, entry in self._entries.items()})

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, pos: int) -> CatalogEntry | None:
        return self._entries.get(pos)

    def match(self, signature: ErrorSignature) -> dict[int, MessageMatch]:
        """Every entry with a close message template, a shared code, the same error type or a parent
        type of it, by pos."""
        if not self._bodies:
            return {}
        body = body_of(signature.template)
        scores = similarities(body, self._distinct, leading=self._leading.shared_with(body))[self._distinct_of]
        best: dict[int, int] = {}
        for index, pos in enumerate(self._positions):
            if pos not in best or scores[index] > scores[best[pos]]:
                best[pos] = index
        error_type = signature_type(signature)
        parents = {type_name(name): depth
                   for depth, name in enumerate(ancestors(signature.ecosystem, signature.error_type), 1)}
        wanted = {pos for pos, index in best.items() if scores[index] >= MIN_SIMILARITY}
        wanted |= {pos for code in signature.codes for pos in self._by_code.get(code, ())}
        wanted |= self._by_type.get(error_type, set()) if error_type else set()
        wanted |= {pos for name in parents for pos in self._by_type.get(name, ())}
        return {pos: self._match(signature, pos, best[pos], float(scores[best[pos]]) / 100, error_type, parents)
                for pos in wanted if pos in best}

    def _match(self, signature: ErrorSignature, pos: int, index: int, similarity: float, error_type: str,
               parents: dict[str, int]) -> MessageMatch:
        entry = self._entries[pos]
        shared = sorted(signature.codes & entry.codes)
        parent_depth = parents.get(entry.error_type, 0) if entry.error_type != error_type else 0
        parent = next((name for name in ancestors(signature.ecosystem, signature.error_type)
                       if type_name(name) == entry.error_type), None) if parent_depth else None
        return MessageMatch(
            pos=pos, similarity=similarity, message=self._messages[index], same_code=shared[0] if shared else None,
            other_code=bool(signature.codes and entry.codes and not shared),
            same_type=None if not (error_type and entry.error_type) else error_type == entry.error_type,
            type_entries=len(self._by_type.get(error_type, ())), parent=parent, parent_depth=parent_depth,
            same_ecosystem=self.same_ecosystem(signature.ecosystem, pos),
            headline=self._headlines.get(pos) == index or similarity >= 0.9 and self._same_body(index, pos),
        )

    def _same_body(self, index: int, pos: int) -> bool:
        """Whether the message at ``index`` says what the entry's headline says (a variant that only
        differs in punctuation or an engine's trailing note)."""
        headline = self._headlines.get(pos)
        return headline is not None and similarities(self._bodies[index], [self._bodies[headline]])[0] >= 90

    def same_ecosystem(self, ecosystem: str, pos: int) -> bool | None:
        """Whether an entry belongs to the paste's ecosystem; None if either is unknown."""
        theirs = self._ecosystems.get(pos)
        if ecosystem == "unknown" or not theirs:
            return None
        return bool(theirs & COMPATIBLE.get(ecosystem, {ecosystem}))

    def context(self, pos: int, words: set[str]) -> float:
        """0..1: how much of what an entry's tags say is seen in the paste, the rarer tags counting more
        ("wordpress" in a path says much, "php" little)."""
        entry = self._entries.get(pos)
        if entry is None or not entry.tags:
            return 0.0
        total = self._tag_total[pos]
        seen = sum(self._tag_weight[tag] for tag in entry.tags if self._tag_words[tag] <= words)
        return seen / total if total else 0.0


    def framework_unmet(self, pos: int, words: set[str]) -> bool:
        """Whether an entry is about a framework (React, WordPress, Django, ...) and the paste shows no
        sign of it: an entry about a React error, a paste with no React in its paths or messages."""
        entry = self._entries.get(pos)
        frameworks = FRAMEWORKS & set(entry.tags) if entry else set()
        return bool(frameworks) and not any(sign in words for name in frameworks for sign in FRAMEWORK_SIGNS[name])


def paste_words(text: str) -> set[str]:
    """The lower-cased words of a paste (its paths and module names too), for ``ErrorCatalog.context``."""
    return set(WORD.findall(text.lower()))


def _catalog_entry(row: tuple, templates: list[str]) -> CatalogEntry:
    pos, codes, ecosystems, tags, error_type, curated = row
    own_type = type_name(error_type or "")
    if (not own_type or " " in own_type or (own_type in BASE_TYPES - PYTHON_BASES)
            or not re.fullmatch(r"[a-z_][\w]*", own_type)):
        own_type = next((_error_type(template) for template in templates if _error_type(template)), "")
    about_class = bool(templates) and all(re.fullmatch(r"[\w.$\\]+", template) for template in templates)
    return CatalogEntry(pos, frozenset(codes), frozenset(ecosystems), tuple(tags), own_type, bool(curated), about_class)


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


def type_name(name: str) -> str:
    """An error type in the catalog's form: its last dotted (or namespaced) part, lower-cased."""
    return name.strip().lower().split(".")[-1].split("\\")[-1]


def signature_type(signature: ErrorSignature) -> str:
    """The signature's error type in the catalog's form; '' for the generic words every error can be
    called ("error", "warning", "panic"), which say nothing about which error it is. Python's base
    classes are classes all the same: a bare ``raise Exception(...)`` is explained by the entry on
    Exception, if nothing closer does."""
    error_type = type_name(signature.error_type or "")
    if not error_type or " " in error_type:
        return ""
    if error_type in BASE_TYPES and not (signature.ecosystem == "python" and error_type in PYTHON_BASES):
        return ""
    return error_type

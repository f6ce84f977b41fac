"""Match an ErrorSignature against the archive's error entries: codes, message templates, types, ecosystems.

The catalog holds every message an error entry states (keyed once at ingest as templates), its
error codes, error type, ecosystems and tags. A signature is compared with all of them at once
(rapidfuzz), which takes a millisecond for the whole archive.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assistant.diagnose.hierarchy import ancestors
from assistant.diagnose.likeness import BASE_TYPES, LeadingClauses, body_of, similarities, template_type
from assistant.diagnose.signature import ErrorSignature
from ingest.error_messages import FRAMEWORK_SIGNS, FRAMEWORKS

# Ecosystems whose errors an entry of another ecosystem can still explain.
COMPATIBLE = {
    "mysql": {"sql"}, "postgresql": {"sql"}, "sql": {"sql"},
    "typescript": {"typescript", "javascript"},
    "javascript": {"javascript", "typescript", "http", "html", "css"},  # browsers report HTTP and CORS errors
    "npm": {"javascript"}, "pip": {"python"},  # package managers of a language: its entries can explain them
}
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


@dataclass(frozen=True)
class Matches:
    """``ErrorCatalog.match`` as columns: every matched entry of one signature, ascending by pos.

    A large archive gives one error thousands of matches (every entry of its type); columns let
    the features of all of them be computed at once, and a ``MessageMatch`` is made only for the
    few entries an answer explains (``message_match``)."""

    positions: np.ndarray  # int64, ascending
    similarity: np.ndarray  # 0..1, of the entry's closest message
    same_code: np.ndarray  # bool: an error code both carry
    other_code: np.ndarray  # bool: both carry codes, none shared
    same_type: np.ndarray  # int8: 1 the same error type, 0 another, -1 either is unknown
    parent_depth: np.ndarray  # 1 when the entry's type is the direct parent of the signature's, ...; 0 not one
    headline: np.ndarray  # bool: that closest message is the one the entry is about
    type_entries: int  # how many entries have the signature's error type
    message_match: Callable[[int], MessageMatch]  # the whole MessageMatch of the matched entry at a pos

    def __len__(self) -> int:
        return len(self.positions)

    def rows_of(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each pos: its row among the matches, and whether it matched at all (else the row is meaningless)."""
        at = np.searchsorted(self.positions, positions)
        matched = at < len(self.positions)
        matched[matched] = self.positions[at[matched]] == positions[matched]
        return at, matched


def first_best(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """In each group of ``values`` (a group begins at each of ``starts``, which begins at 0), the index of
    its largest value, the first one on a tie."""
    counts = np.diff(np.r_[starts, len(values)])
    best = np.repeat(np.maximum.reduceat(values, starts), counts)
    return np.minimum.reduceat(np.where(values == best, np.arange(len(values)), len(values)), starts)


@dataclass(frozen=True)
class PasteWords:
    """What a paste's words say about every entry's tags and frameworks (``ErrorCatalog.paste_signs``)."""

    tags_seen: np.ndarray  # bool per distinct tag of the catalog: all its words are in the paste
    # Entries about a framework (React, WordPress, Django, ...) the paste shows no sign of: an entry
    # about a React error, a paste with no React in its paths or messages.
    framework_unmet: frozenset[int]


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
        self._ecosystem_columns: dict[str, np.ndarray] = {}
        self._columns()

    def _columns(self) -> None:
        """The catalog as arrays by pos, for ``match_columns`` and the features of many entries at once."""
        size = max([*self._entries, *self._ecosystems, 0]) + 1  # at least one row: pos 0 of an empty catalog
        self._size = size
        message_pos = np.array(self._positions, dtype=np.int64)
        self._message_order = np.argsort(message_pos, kind="stable")  # by pos, then message row
        ordered = message_pos[self._message_order]
        self._group_starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else ordered
        self._group_pos = ordered[self._group_starts]  # ascending: the entries that state a message
        self._headline_of = np.full(size, -1, dtype=np.int64)
        for pos, index in self._headlines.items():
            self._headline_of[pos] = index
        type_names = sorted({entry.error_type for entry in self._entries.values()} | {""})
        self._type_id = type_id = {name: number for number, name in enumerate(type_names)}
        self._type_of = np.full(size, type_id[""], dtype=np.int64)
        self._has_codes = np.zeros(size, dtype=bool)
        self._is_entry = np.zeros(size, dtype=bool)
        self._about_class = np.zeros(size, dtype=bool)
        tag_id = {tag: number for number, tag in enumerate(self._tag_weight)}
        widest = max((len(entry.tags) for entry in self._entries.values()), default=0)
        self._tag_ids = np.zeros((size, widest), dtype=np.int64)
        self._tag_weights = np.zeros((size, widest))  # 0 where an entry has fewer tags
        self._tag_totals = np.zeros(size)
        for pos, entry in self._entries.items():
            self._type_of[pos] = type_id[entry.error_type]
            self._has_codes[pos] = bool(entry.codes)
            self._is_entry[pos] = True
            self._about_class[pos] = entry.about_class
            for column, tag in enumerate(entry.tags):
                self._tag_ids[pos, column] = tag_id[tag]
                self._tag_weights[pos, column] = self._tag_weight[tag]
            self._tag_totals[pos] = self._tag_total[pos]
        self._tag_list = list(self._tag_weight)
        self._frameworks = {pos: FRAMEWORKS & set(entry.tags) for pos, entry in self._entries.items()
                            if FRAMEWORKS & set(entry.tags)}

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, pos: int) -> CatalogEntry | None:
        return self._entries.get(pos)

    def match(self, signature: ErrorSignature) -> dict[int, MessageMatch]:
        """Every entry with a close message template, a shared code, the same error type or a parent
        type of it, by pos."""
        matches = self.match_columns(signature)
        return {pos: matches.message_match(pos) for pos in matches.positions.tolist()}

    def match_columns(self, signature: ErrorSignature) -> Matches:
        """``match`` as columns (``Matches``): the same entries and evidence, computed at once."""
        body = body_of(signature.template)
        error_type = signature_type(signature)
        parents = {type_name(name): depth
                   for depth, name in enumerate(ancestors(signature.ecosystem, signature.error_type), 1)}
        if self._bodies:
            scores = similarities(body, self._distinct, leading=self._leading.shared_with(body))[self._distinct_of]
        else:
            scores = np.zeros(0)
        # Each entry's closest message: the first of its best-scoring ones.
        best_index = self._message_order[first_best(scores[self._message_order], self._group_starts)] \
            if len(scores) else np.zeros(0, dtype=np.int64)
        best = scores[best_index]
        wanted = set(self._group_pos[best >= MIN_SIMILARITY].tolist())
        shared = {pos for code in signature.codes for pos in self._by_code.get(code, ())}
        wanted |= shared
        wanted |= self._by_type.get(error_type, set()) if error_type else set()
        wanted |= {pos for name in parents for pos in self._by_type.get(name, ())}
        positions = np.array(sorted(wanted), dtype=np.int64)
        group = np.searchsorted(self._group_pos, positions)
        stated = (group < len(self._group_pos)) & (self._group_pos[np.minimum(group, len(self._group_pos) - 1)]
                                                   == positions) if len(self._group_pos) else group < 0
        positions, group = positions[stated], group[stated]  # an entry that states no message is no match
        index, similarity = best_index[group], best[group] / 100
        own_type = self._type_of[positions]
        type_number = self._type_id.get(error_type, -2)
        known = bool(error_type) & (own_type != self._type_id[""])
        depth_of_type = np.zeros(len(self._type_id), dtype=np.int64)
        for name, depth in parents.items():
            if name in self._type_id:
                depth_of_type[self._type_id[name]] = depth
        headline = self._headline_of[positions] == index
        for row in np.flatnonzero(~headline & (similarity >= 0.9)).tolist():
            headline[row] = self._same_body(int(index[row]), int(positions[row]))
        same_code = np.isin(positions, list(shared))

        def message_match(pos: int) -> MessageMatch:
            row = int(np.searchsorted(positions, pos))
            return self._match(signature, pos, int(index[row]), float(similarity[row]), error_type, parents)

        return Matches(
            positions=positions, similarity=similarity, same_code=same_code,
            other_code=bool(signature.codes) & self._has_codes[positions] & ~same_code,
            same_type=np.where(known, (own_type == type_number).astype(np.int8), np.int8(-1)).astype(np.int8),
            parent_depth=np.where(own_type != type_number, depth_of_type[own_type], 0),
            headline=headline, type_entries=len(self._by_type.get(error_type, ())),
            message_match=message_match,
        )

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

    def paste_signs(self, words: set[str]) -> PasteWords:
        """What a paste's words (``paste_words``) say about the catalog's tags and frameworks, worked
        out once per paste."""
        seen = np.array([self._tag_words[tag] <= words for tag in self._tag_list], dtype=bool)
        shown = {name for name in FRAMEWORKS if any(sign in words for sign in FRAMEWORK_SIGNS[name])}
        return PasteWords(seen, frozenset(pos for pos, names in self._frameworks.items() if not names & shown))

    def contexts(self, positions: np.ndarray, paste: PasteWords) -> np.ndarray:
        """0..1 for each entry at ``positions``: how much of what its tags say is seen in the paste, the
        rarer tags counting more ("wordpress" in a path says much, "php" little)."""
        inside = positions < self._size
        at = np.where(inside, positions, 0)
        ids, weights = self._tag_ids[at], self._tag_weights[at]
        seen = np.zeros(len(positions))
        for column in range(ids.shape[1]):  # in the entry's tag order, as ``context`` adds them
            seen = seen + np.where(paste.tags_seen[ids[:, column]], weights[:, column], 0.0)
        totals = np.where(inside, self._tag_totals[at], 0.0)
        return np.divide(seen, totals, out=np.zeros(len(positions)), where=totals != 0)

    def ecosystems_agree(self, ecosystem: str, positions: np.ndarray) -> np.ndarray:
        """``same_ecosystem`` of each entry at ``positions``: 1 yes, 0 no, -1 unknown."""
        column = self._ecosystem_columns.get(ecosystem)
        if column is None:  # once per ecosystem: a pass over every entry
            agree = (self.same_ecosystem(ecosystem, pos) for pos in range(self._size))
            column = np.array([-1 if same is None else int(same) for same in agree], dtype=np.int8)
            self._ecosystem_columns[ecosystem] = column
        return np.where(positions < self._size, column[np.minimum(positions, self._size - 1)], -1)

    def flags(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Whether each entry at ``positions`` is an error entry, and whether it is about an error class."""
        inside = positions < self._size
        at = np.where(inside, positions, 0)
        return inside & self._is_entry[at], inside & self._about_class[at]

    def same_ecosystem(self, ecosystem: str, pos: int) -> bool | None:
        """Whether an entry belongs to the paste's ecosystem; None if either is unknown."""
        theirs = self._ecosystems.get(pos)
        if ecosystem == "unknown" or not theirs:
            return None
        return bool(theirs & COMPATIBLE.get(ecosystem, {ecosystem}))

def paste_words(text: str) -> set[str]:
    """The lower-cased words of a paste (its paths and module names too), for ``ErrorCatalog.paste_signs``."""
    return set(WORD.findall(text.lower()))


def _catalog_entry(row: tuple, templates: list[str]) -> CatalogEntry:
    pos, codes, ecosystems, tags, error_type, curated = row
    own_type = type_name(error_type or "")
    if (not own_type or " " in own_type or (own_type in BASE_TYPES - PYTHON_BASES)
            or not re.fullmatch(r"[a-z_][\w]*", own_type)):
        own_type = next((template_type(template) for template in templates if template_type(template)), "")
    about_class = bool(templates) and all(re.fullmatch(r"[\w.$\\]+", template) for template in templates)
    return CatalogEntry(pos, frozenset(codes), frozenset(ecosystems), tuple(tags), own_type, bool(curated), about_class)


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

"""Diagnose pasted error output: parse it, gather evidence against the debug archive, rank, and say how sure.

For every error found in the paste (the primary one, the rest of its chain, other errors printed
with it), each candidate entry gets the features of ``features.py``: a shared error code, its
closest message template, the error types (a parent class counts), the ecosystem, hybrid search
on the message, and the paste's context. Fitted models (``ranker.py``) rank the entries (an entry
ranks by its best pair) and give each a confidence. At or above the fitted threshold the top match
is confident; below it, the answer says it has no confident match and still lists the nearest
entries. When the hub's own curated entry is a confident match on evidence as strong as the top
entry's, and the paste shows no sign against it, the curated one comes first.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from assistant.diagnose.features import (
    FEATURES,
    PairEvidence,
    PasteColumns,
    SearchColumns,
    explain_pair,
    is_warning,
    pair_values,
    strengths,
)
from assistant.diagnose.fix import Fix, find_fix
from assistant.diagnose.match import ErrorCatalog, Matches, PasteWords, first_best, paste_words
from assistant.diagnose.parsers import parse_errors
from assistant.diagnose.paste import PasteError, clean_paste
from assistant.diagnose.ranker import Ranker, load_ranker
from assistant.diagnose.signature import ErrorSignature
from assistant.search import Retrieval, Searcher
from ingest.error_messages import KEYS_VERSION
from khub.errors import IndexMismatchError

MAX_SIGNATURES = 6
HELPER_THREADS = 8  # retrievals and encodings run beside the matching: enough for the app's concurrent requests
SEARCH_CANDIDATES = 20  # entries found by search alone (no message match) that are still weighed
SUMMARY_HIT_FIELDS = ("entry_id", "score", "reason", "fix")  # of each hit, in an answer's diagnosis


@dataclass(frozen=True)
class DiagnosisHit:
    """An archive entry that may explain the error, with why, how sure, and the entry's own fix."""

    entry_id: str
    score: float
    reason: str
    title: str
    matched_message: str | None  # the entry's message closest to the paste's, when one matched
    fix: Fix | None = None  # the entry's cause and fix as it states them (None if it states none)

    def as_dict(self) -> dict:
        """``{"entry_id", "score", "reason", "title", "matched_message", "fix"}``; ``"fix"`` is
        ``{"cause", "fix", "broken_code", "fixed_code"}`` as the entry states them, or null."""
        return {"entry_id": self.entry_id, "score": self.score, "reason": self.reason, "title": self.title,
                "matched_message": self.matched_message, "fix": self.fix.as_dict() if self.fix else None}


@dataclass(frozen=True)
class Diagnosis:
    """What the paste holds and which entries explain it."""

    signature: ErrorSignature
    others: tuple[ErrorSignature, ...]
    hits: tuple[DiagnosisHit, ...]
    confident: bool
    notices: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """The shape of ``khub diagnose --json`` and the web API's /diagnose:
        ``{"confident", "signature", "others", "hits", "notices"}``."""
        return {
            "confident": self.confident,
            "signature": self.signature.as_dict(),
            "others": [{"ecosystem": s.ecosystem, "error_type": s.error_type, "message": s.message}
                       for s in self.others],
            "hits": [hit.as_dict() for hit in self.hits],
            "notices": list(self.notices),
        }

    def summary_dict(self) -> dict:
        """The shape of an answer's ``"diagnosis"``: ``as_dict()`` with only these fields."""
        shape = self.as_dict()
        return {"confident": shape["confident"], "signature": shape["signature"],
                "hits": [{field: hit[field] for field in SUMMARY_HIT_FIELDS} for hit in shape["hits"]]}


@dataclass(frozen=True)
class PairTable:
    """One error of the paste against each of its candidate entries: their features as rows."""

    error: ErrorSignature
    positions: np.ndarray  # the candidate entries, ascending
    values: np.ndarray  # one row per entry, one column per name of FEATURES
    matches: Matches  # the entries whose messages, codes or types match the error
    same_ecosystem: np.ndarray  # per entry: 1, 0, or -1 when either ecosystem is unknown

    def pair(self, row: int) -> PairEvidence:
        """The pair of one row, with in words why it matches."""
        pos = int(self.positions[row])
        matched = bool(self.matches.rows_of(self.positions[row:row + 1])[1][0])
        agree = int(self.same_ecosystem[row])
        return explain_pair(pos, tuple(self.values[row].tolist()), self.matches.message_match(pos) if matched else None,
                            None if agree < 0 else bool(agree), self.error)


@dataclass(frozen=True)
class Examination:
    """A parsed paste and the evidence for every candidate entry, before any model weighs it."""

    signatures: tuple[ErrorSignature, ...]
    tables: tuple[PairTable, ...]  # one per error weighed, in the order of ``errors``
    notices: tuple[str, ...] = ()
    errors: tuple[ErrorSignature, ...] = field(default=())  # every error weighed: signatures, then chains

    @cached_property
    def evidence(self) -> dict[int, tuple[PairEvidence, ...]]:
        """Entry pos -> one pair per error of the paste that has it as a candidate (for fitting)."""
        found: dict[int, list[PairEvidence]] = {}
        for table in self.tables:
            for row, pos in enumerate(table.positions.tolist()):
                found.setdefault(pos, []).append(table.pair(row))
        return {pos: tuple(pairs) for pos, pairs in found.items()}


@dataclass(frozen=True)
class Lookups:
    """One error's search and source-line encoding, under way in helper threads."""

    query: str
    retrieval: Future[Retrieval]
    code_vector: Future[np.ndarray] | None  # None: the tool showed no source line


class Diagnoser:
    """Diagnoses pastes against one index (its error entries and its hybrid search)."""

    def __init__(self, searcher: Searcher, catalog: ErrorCatalog | None = None, ranker: Ranker | None = None):
        keys = searcher.index.manifest.error_keys
        if keys != KEYS_VERSION:
            raise IndexMismatchError(f"the index keyed its error entries with version {keys}, this khub reads "
                                     f"version {KEYS_VERSION}; re-key them with: khub ingest")
        self.searcher = searcher
        self.catalog = catalog or ErrorCatalog(*searcher.index.error_rows(),
                                               ecosystems=searcher.index.entry_ecosystems())
        self.ranker = ranker or load_ranker()
        # Threads for the work that overlaps the message matching (``_pairs``); shared by the app's
        # concurrent requests, none of which waits on another's work.
        self._helpers = ThreadPoolExecutor(HELPER_THREADS, thread_name_prefix="khub-diagnose")

    def diagnose(self, raw: str | bytes, top_k: int = 5, exclude: Collection[int] = ()) -> Diagnosis:
        """Parse the paste and rank the archive's error entries; PasteError if it holds no error.

        ``exclude`` leaves entries (by position) out, as if the archive lacked them.
        """
        return self.decide(self.examine(raw), top_k, exclude)

    def examine(self, raw: str | bytes) -> Examination:
        """Parse the paste and gather every candidate entry's evidence."""
        paste = clean_paste(raw)
        signatures = parse_errors(paste.text)[:MAX_SIGNATURES]
        if not signatures:
            raise PasteError("no error found in the paste: no traceback, stack trace, compiler, database or tool "
                             "error line; paste the whole output of the failing command, including its last lines")
        # The rest of each exception chain is evidence too: the root cause is often the known error.
        chained = [link for signature in signatures for link in signature.chain]
        errors = tuple(signatures + chained[:MAX_SIGNATURES])
        words = self.catalog.paste_signs(paste_words(paste.text))
        started = [self._start_lookups(error) for error in errors]  # every error's search begins at once
        tables = tuple(self._table(error, lookups, rank == 0, words)
                       for rank, (error, lookups) in enumerate(zip(errors, started)))
        return Examination(tuple(signatures), tables, paste.notices, errors)

    def decide(self, examination: Examination, top_k: int = 5, exclude: Collection[int] = (),
               explain: bool = True) -> Diagnosis:
        """Score the evidence with the fitted model and rank the entries (``explain``: read their fixes)."""
        ranked = rank_entries(examination, self.ranker, self._curated, exclude, limit=top_k)
        index = self.searcher.index
        titles = index.entry_titles([pos for pos, _, _ in ranked])
        hits = tuple(
            DiagnosisHit(index.entry_ids[pos], round(score, 4), pair.reason, titles.get(pos, ""), pair.message,
                         find_fix(index.entry(index.entry_ids[pos])) if explain else None)
            for pos, score, pair in ranked
        )
        confident = bool(hits) and hits[0].score >= self.ranker.threshold
        signatures = examination.signatures
        return Diagnosis(signatures[0], signatures[1:], hits, confident, examination.notices)

    def curated(self, pos: int) -> bool:
        """Whether the hub wrote the entry itself (it has no outside source)."""
        return self._curated(pos)

    def _curated(self, pos: int) -> bool:
        entry = self.catalog.entry(pos)
        return bool(entry and entry.curated)

    def _start_lookups(self, error: ErrorSignature) -> Lookups:
        """Begin the error's hybrid search (on its message, the source lines where it happened and the
        tool's first notes) and the encoding of its source lines, in helper threads: SQLite, FAISS and
        the encoder let go of the GIL, so on a large archive they run beside the message matching."""
        query = "\n".join([error.message, *error.context[:2], *error.notes[:2]])
        code = "\n".join(line for line in error.context[:2] if len(line.strip()) > 3)
        return Lookups(query, self._helpers.submit(self.searcher.retrieve, query, spell_identifiers=False),
                       self._helpers.submit(self.searcher.encode_query, code) if code else None)

    def _table(self, error: ErrorSignature, lookups: Lookups, primary: bool, paste: PasteWords) -> PairTable:
        matches = self.catalog.match_columns(error)
        positions, search = self._search_evidence(lookups.retrieval.result(), matches.positions)
        source = self._source_evidence(lookups.code_vector.result() if lookups.code_vector else None,
                                       positions.tolist())
        error_entry, about_class = self.catalog.flags(positions)
        columns = PasteColumns(self.catalog.contexts(positions, paste), np.isin(positions, list(paste.framework_unmet)),
                               np.asarray(source, dtype=np.float64), error_entry, about_class)
        agree = self.catalog.ecosystems_agree(error.ecosystem, positions)
        values = pair_values(positions, matches, agree, search, columns, primary, is_warning(error))
        return PairTable(error, positions, values, matches, agree)

    def _source_evidence(self, code_vector: np.ndarray | None, positions: list[int]) -> np.ndarray:
        """How close the source line the tool showed (encoded: ``code_vector``) is to each entry's
        closest chunk: when one message has several causes, the code tells them apart."""
        if code_vector is None or not positions:
            return np.zeros(len(positions))
        return self.searcher.best_chunk_similarities(positions, code_vector)

    def _search_evidence(self, retrieval: Retrieval, also: np.ndarray) -> tuple[np.ndarray, SearchColumns]:
        """Hybrid search (all kinds: an article may explain an error) on the error's message, the
        source line where it happened and the tool's first notes (its advice), retrieved: the entries
        it ranks best and the entries at ``also``, ascending, with their evidence."""
        scored = self.searcher.score(retrieval, also=also.tolist())
        best = np.lexsort((scored.positions, -scored.score))[:SEARCH_CANDIDATES]
        wanted = np.isin(scored.positions, also)
        wanted[best] = True
        return scored.positions[wanted], SearchColumns(scored.chunk[wanted], scored.lead[wanted], scored.bm25[wanted])


def rank_entries(examination: Examination, ranker: Ranker, curated: Callable[[int], bool],
                 exclude: Collection[int] = (), limit: int | None = None) -> list[tuple[int, float, PairEvidence]]:
    """Entries in ranking order (the first ``limit``), each with its confidence and the pair (error of
    the paste) that ranks it best. The hub's own curated entry leads when it matches as well as the
    top entry: it is itself a confident match, on evidence as strong (the same code, the same
    template, ...), and the paste shows no sign against it (an entry about React, a paste with no
    React in it)."""
    best = best_pairs(examination, ranker, exclude)
    if not len(best.positions):
        return []
    confidence = ranker.confidences(best.values, best.scores)
    strength = strengths(best.values)
    possible = ((confidence >= ranker.threshold) & (strength >= strength[0])
                & (best.values[:, FEATURES.index("framework_unmet")] == 0))
    leader = next((i for i in np.flatnonzero(possible).tolist() if curated(int(best.positions[i]))), None)
    order = range(len(best.positions))
    chosen = [leader, *(i for i in order if i != leader)] if leader is not None else order
    return [(int(best.positions[i]), float(confidence[i]), best.pair(i)) for i in chosen[:limit]]


@dataclass(frozen=True)
class BestPairs:
    """Each candidate entry of a paste with the pair that ranks it best, best entry first."""

    positions: np.ndarray
    scores: np.ndarray  # the ranking score of that pair
    values: np.ndarray  # its features
    tables: tuple[PairTable, ...]
    table: np.ndarray  # which table (error of the paste) the pair is from
    row: np.ndarray  # its row in that table

    def pair(self, i: int) -> PairEvidence:
        return self.tables[int(self.table[i])].pair(int(self.row[i]))


def best_pairs(examination: Examination, ranker: Ranker, exclude: Collection[int] = ()) -> BestPairs:
    """An entry ranks by its best pair: the error of the paste it explains best (the first such error
    on a tie). Entries in ranking order (score, then pos), none at ``exclude``."""
    tables = examination.tables
    positions = np.concatenate([table.positions for table in tables]) if tables else np.zeros(0, dtype=np.int64)
    values = np.vstack([table.values for table in tables]) if tables else np.zeros((0, len(FEATURES)))
    table = np.concatenate([np.full(len(t.positions), i) for i, t in enumerate(tables)]) if tables else positions
    row = np.concatenate([np.arange(len(t.positions)) for t in tables]) if tables else positions
    if exclude:
        kept = ~np.isin(positions, list(exclude))
        positions, values, table, row = positions[kept], values[kept], table[kept], row[kept]
    if not len(positions):
        return BestPairs(positions, np.zeros(0), values, tables, table, row)
    scores = ranker.rank_scores(values)
    order = np.lexsort((table, positions))  # each entry's pairs together, in the order of the errors
    ordered = positions[order]
    at = order[first_best(scores[order], np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]))]
    ranked = at[np.lexsort((positions[at], -scores[at]))]
    return BestPairs(positions[ranked], scores[ranked], values[ranked], tables, table[ranked], row[ranked])

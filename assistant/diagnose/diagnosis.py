"""Diagnose pasted error output: parse it, match the debug archive, and say how sure the match is.

For every error found in the paste (the primary one, the rest of its chain, other errors printed
with it), each error entry gathers evidence: a shared error code, the similarity of its closest
message template, whether it belongs to the paste's ecosystem, and hybrid search on the error's
message. The strongest evidence wins; below a calibrated threshold the answer says it has no
confident match and still lists the nearest entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.diagnose.match import ErrorCatalog, MessageMatch
from assistant.diagnose.parsers import parse_errors
from assistant.diagnose.paste import PasteError, clean_paste
from assistant.diagnose.signature import ErrorSignature
from assistant.search import Searcher
from ingest.error_messages import frameworks_in

MAX_SIGNATURES = 6
SEARCH_WEIGHT = 0.25  # how much hybrid search counts beside message, code and type evidence
SEARCH_CANDIDATES = 20  # entries found by search alone (no message match) that may still be shown
# Calibrated on the dev traces and on real errors the archive lacks (bench/diagnose.py prints the
# sweep): at or above it, a match is confident.
CONFIDENT = 0.50
OTHER_SIGNATURE = 0.97  # the primary error counts a little more than others printed with it
WRONG_ECOSYSTEM = 0.55
OTHER_TYPE = 0.6  # a ValueError entry rarely explains a TypeError, however alike the words
OTHER_FRAMEWORK = 0.8  # a React entry is a worse answer for a paste with no sign of React
CHANCE_SIMILARITY = 0.55  # template similarity of unrelated messages: below it is no evidence
SAME_TYPE = 0.35  # an entry of the same error type explains the error in general, if nothing closer does
TELLING_TYPE_ENTRIES = 4  # a type shared by more entries than this tells less (JavaScript's TypeError: ~60)


@dataclass(frozen=True)
class DiagnosisHit:
    """An archive entry that may explain the error, with why and how sure."""

    entry_id: str
    score: float
    reason: str
    title: str
    matched_message: str | None  # the entry's message closest to the paste's, when one matched


@dataclass(frozen=True)
class Diagnosis:
    """What the paste holds and which entries explain it."""

    signature: ErrorSignature
    others: tuple[ErrorSignature, ...]
    hits: tuple[DiagnosisHit, ...]
    confident: bool
    notices: tuple[str, ...] = ()


class Diagnoser:
    """Diagnoses pastes against one index (its error entries and its hybrid search)."""

    def __init__(self, searcher: Searcher, catalog: ErrorCatalog | None = None):
        self.searcher = searcher
        self.catalog = catalog or ErrorCatalog(*searcher.index.error_rows())

    def diagnose(self, raw: str | bytes, top_k: int = 5) -> Diagnosis:
        """Parse the paste and rank the archive's error entries; PasteError if it holds no error."""
        paste = clean_paste(raw)
        signatures = parse_errors(paste.text)[:MAX_SIGNATURES]
        if not signatures:
            raise PasteError("no error found in the paste: no traceback, stack trace, compiler or database error "
                             "line; paste the whole output of the failing command, including its last lines")
        # The rest of each exception chain is evidence too: the root cause is often the known error.
        chained = [link for signature in signatures for link in signature.chain]
        scored = self._score(signatures + chained[:MAX_SIGNATURES], frameworks_in(paste.text))
        ranked = sorted(scored.items(), key=lambda item: (-item[1].score, item[0]))[:top_k]
        titles = self.searcher.index.entry_titles([pos for pos, _ in ranked])
        hits = tuple(DiagnosisHit(self.searcher.index.entry_ids[pos], s.score, s.reason, titles.get(pos, ""), s.message)
                     for pos, s in ranked)
        confident = bool(hits) and hits[0].score >= CONFIDENT and not hits[0].reason.startswith("other ecosystem")
        return Diagnosis(signatures[0], tuple(signatures[1:]), hits, confident, paste.notices)

    def _score(self, signatures: list[ErrorSignature], frameworks: set[str]) -> dict[int, _Scored]:
        """Each entry's best score over all the errors in the paste."""
        best: dict[int, _Scored] = {}
        for rank, signature in enumerate(signatures):
            weight = 1.0 if rank == 0 else OTHER_SIGNATURE
            for pos, hit in self._score_one(signature, weight, frameworks).items():
                if pos not in best or hit.score > best[pos].score:
                    best[pos] = hit
        return best

    def _score_one(self, signature: ErrorSignature, weight: float, frameworks: set[str]) -> dict[int, _Scored]:
        matches = self.catalog.match(signature)
        dense = self._dense_evidence(signature, matches)
        hits = {}
        for pos in set(matches) | set(dense):
            match = matches.get(pos)
            score, reason = _evidence(match, dense.get(pos, 0.0))
            same_ecosystem = match.same_ecosystem if match else self.catalog.same_ecosystem(signature.ecosystem, pos)
            if same_ecosystem is False:
                score, reason = score * WRONG_ECOSYSTEM, f"other ecosystem; {reason}"
            if self.catalog.frameworks(pos) - frameworks:
                score *= OTHER_FRAMEWORK
            hits[pos] = _Scored(round(score * weight, 4), reason,
                                match.message if match and match.similarity >= 0.6 else None)
        return hits

    def _dense_evidence(self, signature: ErrorSignature, also: Iterable[int]) -> dict[int, float]:
        """Hybrid search (all kinds: an article may explain an error) on the error's message and code
        context: mean of chunk and lead cosine."""
        query = "\n".join([signature.message, *signature.context[:2]])
        retrieval = self.searcher.retrieve(query, spell_identifiers=False)
        candidates = self.searcher.rank(query, retrieval, also=also)
        best = {c.pos for c in candidates[:SEARCH_CANDIDATES]} | set(also)
        return {c.pos: (c.evidence.chunk + c.evidence.lead) / 2 for c in candidates if c.pos in best}


@dataclass(frozen=True)
class _Scored:
    score: float
    reason: str
    message: str | None


def _evidence(match: MessageMatch | None, dense: float) -> tuple[float, str]:
    """Score (0..1) and reason from one entry's evidence against one error."""
    similarity = match.similarity if match else 0.0
    evidence = max(0.0, (similarity - CHANCE_SIMILARITY) / (1 - CHANCE_SIMILARITY))
    if match and match.same_type:  # same type: general evidence, worth more the rarer the type
        specificity = min(1.0, TELLING_TYPE_ENTRIES / max(1, match.type_entries))
        evidence = max(evidence, specificity * (SAME_TYPE + 0.1 * similarity))
    code = 0.97 if match and match.same_code else 0.0
    score = (1 - SEARCH_WEIGHT) * max(evidence, code) + SEARCH_WEIGHT * dense
    if match and match.same_type is False and not code:
        score *= OTHER_TYPE
    if code:
        reason = f"same error code {match.same_code}"
    elif similarity >= 0.9:
        reason = "same message template"
    elif similarity >= 0.6:
        reason = f"similar message ({similarity:.0%})"
    elif match and match.same_type:
        reason = "same error type"
    else:
        reason = "similar text"
    return score, reason

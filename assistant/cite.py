"""Check an answer's citations: valid markers only, and whether each sentence is supported.

A marker [n] is valid when passage n was given to the model; invalid ones are removed and counted.
A sentence is supported when a passage it cites shares most of its content words (lexical overlap)
or means nearly the same (embedding cosine with the passage). Sentences that cite nothing, or whose
citations do not back them, are listed as unsupported so that a mentor sees them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.markdown import drop_images, prose_only
from embeddings.query import query_terms
from embeddings.storage import Passage

MARKER = re.compile(r"\s?\[(\d{1,3})\]")
# A sentence ends at . ! ? (and the markers after it) before a space, or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?])((?:\s?\[\d{1,3}\])*)(?:\s+|$)|\n+")
LEXICAL_SUPPORT = 0.6  # share of a sentence's content words found in its cited passages
SEMANTIC_SUPPORT = 0.75  # cosine between the sentence and a cited passage
MIN_WORDS = 3  # shorter "sentences" (list bullets, headings) are not judged

EncodeTexts = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True, kw_only=True)
class Citation:
    """A passage numbered for an answer: given to the model or the extractive composer as [n], cited by it."""

    n: int
    passage: Passage

    @property
    def full_text(self) -> str:
        """The passage as it reads alone (what citations are checked against)."""
        return f"{self.passage.title} › {self.passage.section}\n\n{self.passage.text}"

    def as_dict(self) -> dict:
        """The shape of a citation in ``khub ask --json``: ``{"n", "entry_id", "title", "section", "passage"}``."""
        p = self.passage
        return {"n": self.n, "entry_id": p.entry_id, "title": p.title, "section": p.section, "passage": p.text}

    @classmethod
    def from_dict(cls, shape: dict) -> Citation:
        """A citation read back from its JSON shape, which carries no chunk id or kind (left empty)."""
        return cls(n=shape["n"], passage=Passage(entry_id=shape["entry_id"], chunk_id="", title=shape["title"],
                                                 section=shape["section"], text=shape["passage"], kind=""))


@dataclass(frozen=True)
class SentenceCheck:
    """One sentence of an answer, its markers, and whether the cited passages support it."""

    text: str
    cites: tuple[int, ...]
    supported: bool
    lexical: float
    semantic: float


@dataclass(frozen=True)
class CitationCheck:
    """An answer with invalid markers removed, and the verdict on each sentence."""

    text: str
    cited: tuple[int, ...]  # valid passage numbers, in order of first use
    invalid_markers: int
    sentences: tuple[SentenceCheck, ...]

    @property
    def unsupported(self) -> list[str]:
        return [sentence.text for sentence in self.sentences if not sentence.supported]

    @property
    def faithfulness(self) -> float:
        """The share of judged sentences that their citations support (1.0 when nothing is judged)."""
        return sum(s.supported for s in self.sentences) / len(self.sentences) if self.sentences else 1.0


def check_citations(answer: str, passages: Sequence[str], encode: EncodeTexts | None = None,
                    paste: str = "") -> CitationCheck:
    """Remove markers that point to no passage, then judge each sentence against what it cites.

    A sentence that cites nothing but restates the user's own paste (the error, the file and line)
    is supported by the paste.
    """
    invalid = 0

    def keep_valid(match: re.Match) -> str:
        nonlocal invalid
        if 1 <= int(match.group(1)) <= len(passages):
            return match.group(0)
        invalid += 1
        return ""

    text = drop_images(MARKER.sub(keep_valid, answer)).strip()  # no remote picture loads
    sentences = [sentence for sentence in split_sentences(text)
                 if len(query_terms(_without_markers(sentence))) >= MIN_WORDS]
    checks = _judge(sentences, passages, encode, query_terms(paste))
    cited = tuple(dict.fromkeys(int(n) for n in re.findall(r"\[(\d{1,3})\]", text)))
    return CitationCheck(text, cited, invalid, tuple(checks))


def attribute(answer: str, passages: Sequence[str], encode: EncodeTexts | None = None) -> tuple[str, int]:
    """Give sentences that cite nothing the marker of the passage that clearly supports them.

    Models often forget markers; a sentence copied or closely paraphrased from a passage still has
    a source. Sentences no passage supports stay without a marker (and are reported unsupported).
    Returns the answer and the number of markers added.
    """
    added = 0
    result = answer
    sentences = [s for s in split_sentences(answer) if not MARKER.search(s) and len(query_terms(s)) >= MIN_WORDS]
    if not sentences or not passages:
        return answer, 0
    candidates = [tuple(range(1, len(passages) + 1))] * len(sentences)
    checks = _judge_each(sentences, candidates, passages, encode)
    for sentence, best in zip(sentences, checks):
        if best is not None:
            result = result.replace(sentence, f"{sentence} [{best}]", 1)
            added += 1
    return result, added


def _judge_each(sentences: list[str], candidates: list[tuple[int, ...]], passages: Sequence[str],
                encode: EncodeTexts | None) -> list[int | None]:
    """For each sentence, the candidate passage that supports it best, if any supports it."""
    vectors = encode([*sentences, *passages]) if encode is not None else None
    best: list[int | None] = []
    for index, sentence in enumerate(sentences):
        words = query_terms(sentence)
        scored = []
        for n in candidates[index]:
            lexical = len(words & query_terms(passages[n - 1])) / len(words) if words else 0.0
            cosine = float(vectors[index] @ vectors[len(sentences) + n - 1]) if vectors is not None else 0.0
            if lexical >= LEXICAL_SUPPORT or cosine >= SEMANTIC_SUPPORT:
                scored.append((max(lexical, cosine), -n, n))
        best.append(max(scored)[2] if scored else None)
    return best


def drop_repeats(answer: str) -> str:
    """Remove sentences a model repeated word for word (small models loop)."""
    seen: set[str] = set()
    kept = []
    for sentence in split_sentences(answer):
        key = " ".join(_without_markers(sentence).lower().split())
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(sentence)
    return answer if len(kept) == len(split_sentences(answer)) else "\n".join(kept)


def split_sentences(text: str) -> list[str]:
    """Sentences with their trailing markers; code blocks stay whole."""
    prose = prose_only(text)  # code is quoted from a passage, not a claim to judge
    pieces: list[str] = []
    position = 0
    for match in SENTENCE_END.finditer(prose):
        pieces.append(prose[position:match.start()] + (match.group(1) or ""))
        position = match.end()
    pieces.append(prose[position:])
    return [piece.strip() for piece in pieces if piece.strip()]


def _judge(sentences: list[str], passages: Sequence[str], encode: EncodeTexts | None,
           paste_words: set[str]) -> list[SentenceCheck]:
    cites = [tuple(int(n) for n in re.findall(r"\[(\d{1,3})\]", sentence)) for sentence in sentences]
    plain = [_without_markers(sentence) for sentence in sentences]
    semantic = _semantic(plain, cites, passages, encode)
    checks = []
    for sentence, text, numbers, cosine in zip(sentences, plain, cites, semantic):
        words = query_terms(text)
        cited_words = set().union(*(query_terms(passages[n - 1]) for n in numbers)) if numbers else set()
        lexical = len(words & cited_words) / len(words) if words else 0.0
        supported = bool(numbers) and (lexical >= LEXICAL_SUPPORT or cosine >= SEMANTIC_SUPPORT)
        if not numbers and paste_words and words:
            lexical = len(words & paste_words) / len(words)
            supported = lexical >= LEXICAL_SUPPORT
        checks.append(SentenceCheck(sentence, numbers, supported, round(lexical, 3), round(cosine, 3)))
    return checks


def _semantic(plain: list[str], cites: list[tuple[int, ...]], passages: Sequence[str],
              encode: EncodeTexts | None) -> list[float]:
    """Per sentence, the best cosine with a passage it cites (0 without an encoder or citations)."""
    if encode is None or not any(cites):
        return [0.0] * len(plain)
    used = sorted({n for numbers in cites for n in numbers})
    vectors = encode([*plain, *(passages[n - 1] for n in used)])
    sentence_vectors, passage_vectors = vectors[: len(plain)], dict(zip(used, vectors[len(plain):]))
    return [max((float(sentence_vectors[i] @ passage_vectors[n]) for n in numbers), default=0.0)
            for i, numbers in enumerate(cites)]


def _without_markers(sentence: str) -> str:
    return MARKER.sub("", sentence).strip()

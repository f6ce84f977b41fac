"""Section-aware chunking: a chunk per section, long sections split on paragraph and code boundaries.

Every chunk's text starts with "title › section" so that it reads alone, both for the embedding
model and for a person shown the passage. Budgets are counted in the embedding model's word
pieces, so no chunk is silently truncated by the encoder.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ingest.entry import Entry

SEPARATOR = " › "
HEADING = re.compile(r"^(#{1,2})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
SPECIAL_TOKENS = 2  # [CLS] and [SEP]
LEAD_CHARS = 3000  # more than the model reads of a lead (256 word pieces), so the cut never shows

CountTokens = Callable[[Sequence[str]], list[int]]


@dataclass(frozen=True)
class Chunk:
    """A passage of one entry, small enough to embed whole, with the context it needs."""

    chunk_id: str  # "<entry id>#<ordinal>"
    entry_id: str
    ordinal: int
    section: str
    title: str
    body: str
    tokens: int

    @property
    def text(self) -> str:
        """The text that is embedded and shown: "title › section" and then the passage."""
        return f"{self.title}{SEPARATOR}{self.section}\n\n{self.body}"

    @property
    def text_hash(self) -> str:
        """The key of this chunk's vector in the cache."""
        return text_hash(self.text)


def lead_text(entry: Entry, chunks: Sequence[Chunk]) -> str:
    """The text of an entry's lead vector: its title and opening, read whole by the model.

    Besides its chunks (``chunks``, in order), every entry gets this one vector; on the dev
    questions, ranking by both (fused) beat either alone, since a short entry reads best whole
    and a long one by part. An entry of one chunk is already read whole by that chunk, so its
    lead is the chunk's text and the two share one vector, encoded once (1,123 of 3,206 entries
    in the public corpus; nDCG@10 0.848 against 0.849, recall@10 0.906 either way). Sharing
    also first chunks of 230+ word pieces, nearly the model's whole window, would save 11% of
    the word pieces instead of 7%, but cost recall@10 (0.895): two entries fell from ranks 8
    and 9 to 11.
    """
    if len(chunks) == 1:
        return chunks[0].text
    return f"{entry.title}\n\n{entry.body[:LEAD_CHARS]}"


def lead_texts(entries: Iterable[Entry], chunks: Iterable[Chunk]) -> list[str]:
    """Each entry's lead text, in entry order, given the chunks of those entries (any order)."""
    by_entry: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_entry.setdefault(chunk.entry_id, []).append(chunk)
    return [lead_text(entry, by_entry.get(entry.id, [])) for entry in entries]


def text_hash(text: str) -> str:
    """The key of a text's vector in the cache: equal texts are encoded once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def chunk_entries(entries: Iterable[Entry], count_tokens: CountTokens, max_tokens: int = 256) -> list[Chunk]:
    """Chunk every entry; ``count_tokens`` counts word pieces of each text (no special tokens)."""
    return [chunk for entry in entries for chunk in chunk_entry(entry, count_tokens, max_tokens)]


def chunk_entry(entry: Entry, count_tokens: CountTokens, max_tokens: int = 256) -> list[Chunk]:
    """Split one entry into chunks of at most ``max_tokens`` word pieces, section by section."""
    pieces: list[tuple[str, str, int]] = []
    for section, blocks in split_sections(entry):
        prefix_tokens = count_tokens([f"{entry.title}{SEPARATOR}{section}"])[0]
        budget = max(32, max_tokens - SPECIAL_TOKENS - prefix_tokens)
        # The word pieces of "prefix\n\nbody" are the prefix's plus the body's: the model's tokenizer
        # splits words at white space first, so counts add up across it (no second count needed).
        pieces.extend((section, body, prefix_tokens + tokens)
                      for body, tokens in pack_blocks(blocks, count_tokens, budget))
    return [
        Chunk(f"{entry.id}#{ordinal}", entry.id, ordinal, section, entry.title, body, tokens)
        for ordinal, (section, body, tokens) in enumerate(pieces)
    ]


def split_sections(entry: Entry) -> list[tuple[str, list[str]]]:
    """Return (section name, blocks) pairs; text before the first heading is the opening section."""
    opening = "Answer" if entry.kind == "qa" else "Overview"
    sections: list[tuple[str, list[str]]] = [(opening, [])]
    for kind, text in _blocks(entry.body):
        if kind == "heading":
            if text.strip().lower() != entry.title.strip().lower():
                sections.append((text, []))
        else:
            sections[-1][1].append(text)
    if entry.error_message:
        messages = [entry.error_message, *entry.message_variants]
        sections.append(("Error message", ["\n".join(messages)]))
    return [(name, blocks) for name, blocks in sections if blocks]


def _blocks(body: str) -> Iterable[tuple[str, str]]:
    """Yield ("heading", name), ("code", fenced block) and ("text", paragraph) in order."""
    lines: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        marker = FENCE.match(line)
        if fence is not None:
            lines.append(line)
            if marker and marker.group(1) == fence:
                yield "code", "\n".join(lines)
                lines, fence = [], None
        elif marker:
            yield from _paragraph(lines)
            lines, fence = [line], marker.group(1)
        elif heading := HEADING.match(line):
            yield from _paragraph(lines)
            lines = []
            yield "heading", heading.group(2).strip()
        elif not line.strip():
            yield from _paragraph(lines)
            lines = []
        else:
            lines.append(line)
    yield from _paragraph(lines)  # also closes a fence left open at the end


def _paragraph(lines: list[str]) -> Iterable[tuple[str, str]]:
    text = "\n".join(lines).strip("\n")
    if text.strip():
        yield "text", text


def pack_blocks(blocks: list[str], count_tokens: CountTokens, budget: int) -> list[tuple[str, int]]:
    """Greedily join consecutive blocks into bodies of at most ``budget`` word pieces; (body, pieces) pairs."""
    bodies: list[tuple[str, int]] = []
    current: list[str] = []
    used = 0
    for block, tokens in _fitting_blocks(blocks, count_tokens, budget):
        if current and used + tokens > budget:
            bodies.append(("\n\n".join(current), used))
            current, used = [], 0
        current.append(block)
        used += tokens
    if current:
        bodies.append(("\n\n".join(current), used))
    return bodies


def _fitting_blocks(blocks: list[str], count_tokens: CountTokens, budget: int) -> Iterable[tuple[str, int]]:
    """Yield blocks with their token counts, splitting any block that exceeds the budget."""
    for block, tokens in zip(blocks, count_tokens(blocks)):
        if tokens <= budget:
            yield block, tokens
        else:
            parts, joiner = _split(block)
            yield from _fitting_blocks(_regroup(parts, joiner, count_tokens, budget), count_tokens, budget)


def _split(block: str) -> tuple[list[str], str]:
    """Split an oversized block at the coarsest boundary it has: code lines, lines, sentences, words."""
    if FENCE.match(block) and len(parts := _split_code(block)) > 1:
        return parts, "\n"
    lines = [line for line in block.split("\n") if line.strip()]
    if len(lines) > 1:
        return lines, "\n"
    sentences = [part for part in SENTENCE_END.split(block) if part.strip()]
    if len(sentences) > 1:
        return sentences, " "
    words = block.split()
    if len(words) > 1:
        half = len(words) // 2
        return [" ".join(words[:half]), " ".join(words[half:])], " "
    middle = max(1, len(block) // 2)  # one unbroken run of characters: halve it
    return [block[:middle], block[middle:]], ""


def _regroup(parts: list[str], joiner: str, count_tokens: CountTokens, budget: int) -> list[str]:
    """Join small parts back together up to the budget, so a split does not shred the text."""
    groups: list[str] = []
    used = 0
    for part, tokens in zip(parts, count_tokens(parts)):
        if groups and used + tokens <= budget:
            groups[-1] = f"{groups[-1]}{joiner}{part}"
            used += tokens
        else:
            groups.append(part)
            used = tokens
    return groups


def _split_code(block: str) -> list[str]:
    """Split a fenced block in two by lines, re-fencing each half so it still reads as code."""
    lines = block.split("\n")
    opening = lines[0]
    if len(lines) > 1 and FENCE.match(lines[-1]):
        closing, inner = lines[-1], lines[1:-1]
    elif opened := FENCE.match(opening):
        closing, inner = opened.group(1), lines[1:]
    else:  # an open fence below a blank first line (FENCE matched across it): split it by lines instead
        return [block]
    if len(inner) <= 1:
        return [block]
    half = len(inner) // 2
    return [f"{opening}\n" + "\n".join(part) + f"\n{closing}" for part in (inner[:half], inner[half:])]

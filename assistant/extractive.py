"""The extractive answer: no language model, only the archive's own sentences, each cited.

From the best entry it takes the sentences that share most words with the question (in their
order, with a code block when the entry is a snippet or the question asks how), then one line from
each next-best entry. Every sentence is copied from the passage it cites, so every claim is
supported by construction; the answer is as good as retrieval.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.cite import Citation, split_sentences
from assistant.diagnose.fix import PART_LABELS, Fix
from assistant.markdown import fenced_blocks, prose_only
from embeddings.query import query_terms
from embeddings.storage import Passage

MAX_SENTENCES = 3
MAX_CODE_LINES = 24
HOW_WORDS = {"how", "example", "code", "snippet", "implement", "write", "query", "use", "using"}


def compose_answer(question: str, passages: Sequence[Citation]) -> list[str]:
    """The answer as pieces (to stream): the best entry's best sentences, then related entries."""
    if not passages:
        return []
    first = passages[0]
    top = [c for c in passages if c.passage.entry_id == first.passage.entry_id]
    others = [c for c in passages if c.passage.entry_id != first.passage.entry_id]
    pieces = [f"**{first.passage.title}** [{first.n}]\n\n"]
    for cited in top:
        pieces.extend(_best_of(cited, question, code=_wants_code(question, cited.passage)))
    if others:
        pieces.append("\nRelated entries:\n")
        pieces.extend(_related(p) for p in others)
    return pieces


def compose_fix(where: str | None, message: str, passages: Sequence[Citation],
                fix: Fix | None = None) -> list[str]:
    """An extractive diagnosis: the error and where it happened, then the entry's cause and fix, and
    its corrected code when it gives one (cited to the passage that holds it)."""
    pieces = [f"Your error `{message}`" + (f" happens at {where} (your code)." if where else " matches this entry.")
              + "\n\n"]
    corrected = fix.fixed_code if fix else None
    for cited in passages:
        pieces.append(f"**{cited.passage.section}**\n\n")
        pieces.extend(_best_of(cited, message, code=not corrected, limit=4))
    holder = next((c for c in passages if corrected and corrected.split("\n", 1)[-1][:60] in c.passage.text), None)
    if corrected and holder:
        pieces.append(f"**{PART_LABELS['fixed_code']}** [{holder.n}]\n\n{_shortened(corrected)}\n\n")
    return pieces


def _shortened(block: str) -> str:
    lines = block.split("\n")
    return "\n".join(lines if len(lines) <= MAX_CODE_LINES else lines[:MAX_CODE_LINES - 1] + ["# …", lines[-1]])


def _best_of(cited: Citation, question: str, code: bool, limit: int = MAX_SENTENCES) -> list[str]:
    """The passage's sentences most about the question, in order, each with its marker."""
    sentences = _sentences(prose_only(cited.passage.text))
    words = query_terms(question)
    ranked = sorted(range(len(sentences)), key=lambda i: (-len(words & query_terms(sentences[i])), i))[:limit]
    chosen = [f"{_as_sentence(sentences[i])} [{cited.n}]" for i in sorted(ranked)]
    pieces = [" ".join(chosen) + "\n\n"] if chosen else []
    blocks = fenced_blocks(cited.passage.text)  # each closed: a passage cut inside a fence ends it here
    if code and blocks:
        pieces.append(_shortened(blocks[0]) + "\n\n")
    return pieces


def _sentences(text: str) -> list[str]:
    """Prose split into sentences exactly as the citation check splits them (so each chosen
    sentence carries its own marker); tables, headings and short fragments are left out."""
    lines = [line.strip(" -*#>\t") for line in text.split("\n") if line.count("|") < 2]
    prose = " ".join(line for line in lines if line and not _heading_like(line))
    return [s for s in split_sentences(prose) if len(s.split()) >= 4]


def _heading_like(line: str) -> bool:
    """A short line with no closing punctuation reads as a heading ("One Paragraph Explainer")."""
    return len(line.split()) < 8 and line[-1:] not in ".!?:;,)`"


def _as_sentence(text: str) -> str:
    return text if text[-1:] in ".!?:" else f"{text}."


def _related(cited: Citation) -> str:
    """One line for a next-best entry: its title and first sentence (just the title if it has none)."""
    sentences = _sentences(prose_only(cited.passage.text))
    first = f": {_as_sentence(sentences[0])}" if sentences else ""
    return f"- **{cited.passage.title}**{first} [{cited.n}]\n"


def _wants_code(question: str, passage: Passage) -> bool:
    return passage.kind == "snippet" or bool(HOW_WORDS & set(question.lower().split()))

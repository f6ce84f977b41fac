"""Answer a question from the archive, citing its sources (``khub ask``).

    question ──(error output in it?)──> diagnosis ──> the matched entry's cause and fix
        ├──(a learner's "what should I learn next?")──> the path's next milestone, citing the path
        │                                               (assistant.next_step; no model needed)
        │                                                      │
        └─(follow-up? rewrite with the history)─> search ──> numbered passages
                                                               │
   (the fitted refusal decision, assistant.refusal: say the archive does not cover it, and why)
                                                               │
        extractive composer, or a model through litellm (instruction-like data redacted first)
                                                               │
          the model's text filtered (assistant.guard): no images, HTML or links
                                                               │
          citation check: invalid markers removed, sentences judged; nothing supported, or the model
          unreachable: the extractive answer instead              (the last three: assistant.write)

The answer streams, as simonw/llm's ``Response`` does: ``ask()`` returns a ``Response``; iterate it
for the text pieces as they are written, then ``response.answer()`` is the checked ``Answer``.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, replace

from assistant import prompts
from assistant.cite import Citation, EncodeTexts, SentenceCheck, check_citations
from assistant.diagnose import Diagnoser, Diagnosis, PasteError
from assistant.diagnose.parsers import parse_errors
from assistant.llm import LLMUnavailable, ModelConfig, stream_completion
from assistant.next_step import NextStep, NextStepFinder, next_step_text
from assistant.refusal import Refusal, RefusalModel, ScoreFloor, load_model, measure
from assistant.search import Hit, Searcher, open_searcher
from assistant.write import EXTRACTIVE, Brief, Complete, Written, answer_brief, fix_brief, write
from embeddings.query import Filters
from embeddings.storage import Passage

CONTEXT_ENTRIES = 5
FOLLOW_UP = re.compile(r"\b(it|its|this|that|these|those|they|them|there|same|also|instead|above|previous|else)\b"
                       r"|^(and|but|so|what about|how about|why|then)\b", re.I)


@dataclass(frozen=True, kw_only=True)
class Answer:
    """A checked answer and everything a reviewer needs to judge it."""

    question: str
    query: str  # the standalone query that was searched
    text: str
    mode: str  # "extractive", or the model that wrote it
    refused: bool
    citations: tuple[Citation, ...]
    unsupported_sentences: tuple[str, ...] = ()
    invalid_markers: int = 0
    faithfulness: float = 1.0
    nearest: tuple[Hit, ...] = ()
    diagnosis: Diagnosis | None = None
    notices: tuple[str, ...] = ()
    sentences: tuple[SentenceCheck, ...] = ()  # every judged sentence, supported or not
    refusal: Refusal | None = None  # why the question was refused
    next_step: NextStep | None = None  # the milestone a "what should I learn next?" question was answered with

    def as_dict(self) -> dict:
        """The shape of ``khub ask --json``."""
        return {
            "answer": self.text, "mode": self.mode, "refused": self.refused,
            "citations": [citation.as_dict() for citation in self.citations],
            "unsupported_sentences": list(self.unsupported_sentences),
            "invalid_markers": self.invalid_markers, "faithfulness": round(self.faithfulness, 3),
            "query": self.query,
            "nearest": [{"entry_id": h.passage.entry_id, "title": h.passage.title, "score": h.score}
                        for h in self.nearest],
            "diagnosis": None if self.diagnosis is None else self.diagnosis.summary_dict(),
            "notices": list(self.notices),
            "sentences": [{"text": c.text, "cites": list(c.cites), "supported": c.supported} for c in self.sentences],
            "refusal": self.refusal.as_dict() if self.refusal else None,
            "next_step": self.next_step.as_dict() if self.next_step else None,
        }


class Response:
    """An answer as it is written: iterate it for the text pieces, then read ``answer()``.

    The work runs as the pieces are read, once. ``answer()`` reads whatever is still unwritten (all
    of it, if nothing was iterated), and iterating again replays the pieces, so a caller that only
    wants the Answer never has to loop.
    """

    def __init__(self, writing: Generator[str, None, Answer]):
        self._writing = writing
        self._pieces: list[str] = []
        self._answer: Answer | None = None
        self._failed: Exception | None = None

    def __iter__(self) -> Iterator[str]:
        read = 0  # by position, so two loops over one response each see every piece once
        while read < len(self._pieces) or self._advance() is None:
            yield self._pieces[read]
            read += 1

    def answer(self) -> Answer:
        """The checked Answer, once all of its text is written."""
        while (answer := self._advance()) is None:
            pass
        return answer

    def _advance(self) -> Answer | None:
        """The Answer once it is finished; until then None, and one more piece is written."""
        if self._failed is not None:
            raise self._failed  # a generator that raised is closed: say why again rather than answer None
        if self._answer is None:
            try:
                self._pieces.append(next(self._writing))
            except StopIteration as finished:
                self._answer = finished.value
            except Exception as exc:
                self._failed = exc
                raise
        return self._answer


@dataclass(frozen=True, kw_only=True)
class Inquiry:
    """A question as asked and as searched, and what was found for it before any text is written."""

    text: str
    query: str  # the standalone query that was searched
    nearest: tuple[Hit, ...] = ()
    diagnosis: Diagnosis | None = None
    notices: tuple[str, ...] = ()


class Assistant:
    """Answers questions from one index, in the extractive mode or through a model."""

    def __init__(self, searcher: Searcher, diagnoser: Diagnoser, *, encode: EncodeTexts | None, config: ModelConfig,
                 complete: Complete = stream_completion, refuse_below: float | None = None,
                 refusal: RefusalModel | None = None):
        self.searcher = searcher
        self.diagnoser = diagnoser
        self.encode = encode
        self.config = config
        self.complete = complete
        # The fitted decision (refusal.json), or the plain score floor a user set (KHUB_REFUSE_BELOW).
        self.refusal = ScoreFloor(refuse_below) if refuse_below is not None else refusal or load_model()
        self.next_steps = NextStepFinder(searcher)  # "what should I learn next?", from a learning path's order

    def ask(self, question: str, history: Sequence[tuple[str, str]] = (), *, filters: Filters = Filters(),
            model: str | None = None) -> Response:
        """The answer as it is written: iterate the Response for text pieces, then ``answer()`` is the Answer."""
        config = self.config if model is None else replace(self.config, model=model)
        return Response(self._respond(question, tuple(history), filters, config))

    # -- the parts ---------------------------------------------------------------------------

    def _respond(self, question: str, history: Sequence[tuple[str, str]], filters: Filters,
                 config: ModelConfig) -> Generator[str, None, Answer]:
        """Diagnose pasted error output, or search; refuse what the archive does not cover; else write."""
        diagnosis = self._diagnosis(question)
        if diagnosis is not None and diagnosis.confident:
            return (yield from self._answer_error(question, diagnosis, config))
        step = self.next_steps.find(question) if filters.kind in (None, "path") else None
        if step is not None:
            answer = _stepped(question, step, self.encode)
            yield answer.text
            return answer
        query, notices = self._standalone(question, history, config)
        hits = self.searcher.search(query, top_k=CONTEXT_ENTRIES, filters=filters)
        inquiry = Inquiry(text=question, query=query, nearest=tuple(hits), diagnosis=diagnosis, notices=notices)
        index = self.searcher.index
        refusal = self.refusal.decide(measure(query, hits, index.entry_frequencies, len(index.entry_ids)), hits)
        if refusal is not None:
            answer = _refused(inquiry, refusal, config.model)
            yield answer.text
            return answer
        brief = answer_brief(question, query, self._context(hits), config.model)
        return (yield from self._write(inquiry, brief, config))

    def _diagnosis(self, question: str) -> Diagnosis | None:
        """The diagnosis of error output pasted in the question, if there is any."""
        signatures = [s for s in parse_errors(question) if s.ecosystem != "unknown"]
        if not signatures:
            return None
        try:
            return self.diagnoser.diagnose(question)
        except PasteError:
            return None

    def _standalone(self, question: str, history: Sequence[tuple[str, str]],
                    config: ModelConfig) -> tuple[str, tuple[str, ...]]:
        """A follow-up made standalone with the conversation: by the model, else by prefixing."""
        previous = [text for role, text in history if role == "user"]
        if not previous or not _is_follow_up(question):
            return question, ()
        if config.model != EXTRACTIVE:
            try:
                rewritten = "".join(self.complete(prompts.rewrite_messages(history, question), config)).strip()
                if rewritten and len(rewritten) < 400:
                    return rewritten.splitlines()[0].strip('"'), ()
            except LLMUnavailable as exc:
                return f"{previous[-1]} {question}", (str(exc),)
        return f"{previous[-1]} {question}", ()

    def _context(self, hits: Sequence[Hit]) -> list[Citation]:
        """Numbered passages: the best entry's matching chunk and its opening, then one per other entry."""
        best = hits[0].passage
        opening = self.searcher.index.entry_passages(best.entry_id)[:1]
        found = [best, *[p for p in opening if p.chunk_id != best.chunk_id], *[hit.passage for hit in hits[1:]]]
        return _numbered(found)

    def _answer_error(self, question: str, diagnosis: Diagnosis, config: ModelConfig) -> Generator[str, None, Answer]:
        """Root cause and fix from the matched entry, pointing at the user's own frame."""
        top = diagnosis.hits[0]
        chunks = self.searcher.index.entry_passages(top.entry_id)
        # The passages that hold what the entry states as the cause and the fix (fix.py finds them).
        fix = [p for p in chunks if top.fix and top.fix.held_by(p.text)] or chunks[:2]
        passages = _numbered(fix[:4])
        inquiry = Inquiry(text=question, query=diagnosis.signature.message, diagnosis=diagnosis)
        return (yield from self._write(inquiry, fix_brief(question, diagnosis, passages), config))

    def _write(self, inquiry: Inquiry, brief: Brief, config: ModelConfig) -> Generator[str, None, Answer]:
        written = yield from write(brief, config, complete=self.complete, encode=self.encode)
        return _answer(inquiry, brief, written)


def _answer(inquiry: Inquiry, brief: Brief, written: Written) -> Answer:
    """The Answer: the question, the checked text, and the passages its valid markers cite."""
    check = written.check
    by_number = {passage.n: passage for passage in brief.passages}
    citations = tuple(by_number[n] for n in check.cited if n in by_number)
    return Answer(question=inquiry.text, query=inquiry.query, text=check.text, mode=written.mode, refused=False,
                  citations=citations, unsupported_sentences=tuple(check.unsupported),
                  invalid_markers=check.invalid_markers, faithfulness=check.faithfulness, nearest=inquiry.nearest,
                  diagnosis=inquiry.diagnosis, notices=(*inquiry.notices, *written.notices), sentences=check.sentences)


def _refused(inquiry: Inquiry, refusal: Refusal, mode: str) -> Answer:
    """Why the archive cannot answer, and the nearest entries it has."""
    nearest = ", ".join(f"{hit.passage.title} ({hit.passage.entry_id})" for hit in inquiry.nearest[:3])
    text = (f"The archive does not cover this question: {refusal.reason}."
            + (f" The nearest entries are: {nearest}." if inquiry.nearest else ""))
    return Answer(question=inquiry.text, query=inquiry.query, text=text, mode=mode, refused=True, citations=(),
                  nearest=inquiry.nearest, diagnosis=inquiry.diagnosis, notices=inquiry.notices, refusal=refusal)


def _stepped(question: str, step: NextStep, encode: EncodeTexts | None) -> Answer:
    """The next milestone of a learning path, written from the path's own text (no model needed), cited."""
    citations = tuple(_numbered(step.passages))
    check = check_citations(next_step_text(step), [c.full_text for c in citations], encode)
    return Answer(question=question, query=question, text=check.text, mode=EXTRACTIVE, refused=False,
                  citations=tuple(c for c in citations if c.n in check.cited), next_step=step,
                  unsupported_sentences=tuple(check.unsupported), faithfulness=check.faithfulness,
                  sentences=check.sentences)


def _numbered(passages: Sequence[Passage]) -> list[Citation]:
    """The passages numbered from 1, as the answer cites them."""
    return [Citation(n=n, passage=passage) for n, passage in enumerate(passages, 1)]


def _is_follow_up(question: str) -> bool:
    return len(question.split()) <= 12 and bool(FOLLOW_UP.search(question))


def open_assistant(settings) -> Assistant:
    """An assistant over the live index, with the model the settings name (one model load)."""
    searcher = open_searcher(settings)
    return Assistant(searcher, Diagnoser(searcher), encode=searcher.encode_texts,
                     config=ModelConfig.from_settings(settings), refuse_below=settings.refuse_below)

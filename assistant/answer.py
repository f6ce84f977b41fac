"""Answer a question from the archive, citing its sources (``khub ask``).

    question ──(error output in it?)──> diagnosis ──> the matched entry's cause and fix
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
          unreachable: the extractive answer instead

The answer streams: ``stream()`` yields text pieces and, last, the checked ``Answer``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from assistant import extractive, guard, prompts
from assistant.cite import CitationCheck, EncodeTexts, SentenceCheck, attribute, check_citations, drop_repeats
from assistant.diagnose import Diagnoser, Diagnosis, PasteError
from assistant.diagnose.parsers import parse_errors
from assistant.extractive import ContextPassage
from assistant.llm import LOCAL_MODEL, LLMUnavailable, ModelConfig, resolve_model, stream_completion
from assistant.refusal import Refusal, RefusalModel, ScoreFloor, load_model, measure
from assistant.search import Hit, Searcher
from embeddings.database import Filters

EXTRACTIVE = "extractive"
CONTEXT_ENTRIES = 5
FOLLOW_UP = re.compile(r"\b(it|its|this|that|these|those|they|them|there|same|also|instead|above|previous|else)\b"
                       r"|^(and|but|so|what about|how about|why|then)\b", re.I)
Complete = Callable[[Sequence[dict], ModelConfig], Iterator[str]]


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer."""

    n: int
    entry_id: str
    title: str
    section: str
    passage: str


@dataclass(frozen=True)
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
    notices: tuple[str, ...] = field(default=())
    sentences: tuple[SentenceCheck, ...] = ()  # every judged sentence, supported or not
    refusal: Refusal | None = None  # why the question was refused

    def as_dict(self) -> dict:
        """The shape of ``khub ask --json``."""
        return {
            "answer": self.text, "mode": self.mode, "refused": self.refused,
            "citations": [{"n": c.n, "entry_id": c.entry_id, "title": c.title, "section": c.section,
                           "passage": c.passage} for c in self.citations],
            "unsupported_sentences": list(self.unsupported_sentences),
            "invalid_markers": self.invalid_markers, "faithfulness": round(self.faithfulness, 3),
            "query": self.query,
            "nearest": [{"entry_id": h.entry_id, "title": h.title, "score": h.score} for h in self.nearest],
            "diagnosis": None if self.diagnosis is None else {
                "confident": self.diagnosis.confident, "signature": self.diagnosis.signature.as_dict(),
                "hits": [{"entry_id": h.entry_id, "score": h.score, "reason": h.reason,
                          "fix": h.fix.as_dict() if h.fix else None} for h in self.diagnosis.hits]},
            "notices": list(self.notices),
            "sentences": [{"text": c.text, "cites": list(c.cites), "supported": c.supported} for c in self.sentences],
            "refusal": self.refusal.as_dict() if self.refusal else None,
        }


class Assistant:
    """Answers questions from one index, in the extractive mode or through a model."""

    def __init__(self, searcher: Searcher, diagnoser: Diagnoser, encode: EncodeTexts | None, config: ModelConfig,
                 complete: Complete = stream_completion, refuse_below: float | None = None,
                 refusal: RefusalModel | None = None):
        self.searcher = searcher
        self.diagnoser = diagnoser
        self.encode = encode
        self.config = config
        self.complete = complete
        # The fitted decision (refusal.json), or the plain score floor a user set (KHUB_REFUSE_BELOW).
        self.refusal = ScoreFloor(refuse_below) if refuse_below is not None else refusal or load_model()

    def ask(self, question: str, history: Sequence[tuple[str, str]] = (), *, filters: Filters = Filters(),
            model: str | None = None) -> Answer:
        """The whole answer at once."""
        *_, answer = self.stream(question, history, filters=filters, model=model)
        return answer

    def stream(self, question: str, history: Sequence[tuple[str, str]] = (), *, filters: Filters = Filters(),
               model: str | None = None) -> Iterator[str | Answer]:
        """Text pieces as they are written, then the checked Answer."""
        config = self.config if model is None else ModelConfig(**{**self.config.__dict__, "model": model})
        diagnosis = self._diagnosis(question)
        if diagnosis is not None and diagnosis.confident:
            yield from self._answer_error(question, diagnosis, config)
            return
        query, notices = self._standalone(question, history, config)
        hits = self.searcher.search(query, top_k=CONTEXT_ENTRIES, filters=filters)
        index = self.searcher.index
        signals = measure(query, hits, index.entry_frequencies, len(index.entry_ids))
        refusal = self.refusal.decide(signals, hits)
        if refusal is not None:
            answer = _refusal(question, query, config, hits, diagnosis, notices, refusal)
            yield answer.text
            yield answer
            return
        passages = self._context(hits)
        yield from self._write(question, query, passages, config, notices, diagnosis, hits)

    # -- the parts ---------------------------------------------------------------------------

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

    def _context(self, hits: Sequence[Hit]) -> list[ContextPassage]:
        """Numbered passages: the best entry's matching chunk and its opening, then one per other entry."""
        passages = [ContextPassage(1, hits[0].entry_id, hits[0].title, hits[0].section, hits[0].passage, hits[0].kind)]
        opening = self.searcher.index.entry_chunks(hits[0].entry_id)[:1]
        if opening and opening[0].chunk_id != hits[0].chunk_id:
            record = opening[0]
            passages.append(ContextPassage(2, record.entry_id, record.title, record.section, record.passage,
                                           record.kind))
        for hit in hits[1:]:
            passages.append(ContextPassage(len(passages) + 1, hit.entry_id, hit.title, hit.section, hit.passage,
                                           hit.kind))
        return passages

    def _answer_error(self, question: str, diagnosis: Diagnosis, config: ModelConfig) -> Iterator[str | Answer]:
        """Root cause and fix from the matched entry, pointing at the user's own frame."""
        top = diagnosis.hits[0]
        records = self.searcher.index.entry_chunks(top.entry_id)
        # The passages that hold what the entry states as the cause and the fix (fix.py finds them).
        fix = [r for r in records if top.fix and top.fix.held_by(r.passage)] or records[:2]
        passages = [ContextPassage(n, r.entry_id, r.title, r.section, r.passage, r.kind)
                    for n, r in enumerate(fix[:4], 1)]
        culprit = diagnosis.signature.culprit
        where = f"{culprit.file}:{culprit.line}" if culprit and culprit.file and culprit.in_app else None
        message = diagnosis.signature.message
        messages = prompts.diagnosis_messages(guard.redact_instructions(question), message, where,
                                              [_prompt_passage(p) for p in passages])
        pieces = lambda: extractive.compose_fix(where, message, passages, top.fix)  # noqa: E731
        yield from self._generate(question, message, passages, config, messages, pieces, (), diagnosis, (),
                                  paste=question)

    def _write(self, question: str, query: str, passages: list[ContextPassage], config: ModelConfig,
               notices: tuple[str, ...], diagnosis: Diagnosis | None, hits: Sequence[Hit]) -> Iterator[str | Answer]:
        prompt = prompts.compact_messages if resolve_model(config.model) == LOCAL_MODEL else prompts.answer_messages
        messages = prompt(question, [_prompt_passage(p) for p in passages])
        pieces = lambda: extractive.compose_answer(query, passages)  # noqa: E731
        yield from self._generate(question, query, passages, config, messages, pieces, notices, diagnosis, hits)

    def _generate(self, question, query, passages, config, messages, pieces, notices, diagnosis, hits, paste=""):
        """Stream from the model (or the extractive composer), filter and check; fall back to extractive."""
        mode, parts = config.model, []
        texts = [p.full_text for p in passages]
        if config.model != EXTRACTIVE:
            try:
                for delta in self.complete(messages, config):
                    parts.append(delta)
                    yield delta
            except LLMUnavailable as exc:
                notices = (*notices, f"{exc}; this is an extractive answer instead")
                if parts:
                    yield "\n\n[the model stopped; an extractive answer follows]\n\n"
                parts = []
        check = None
        if parts:  # a model wrote it: filter what it may not show, drop its loops, source what it forgot to cite
            filtered = guard.filter_output("".join(parts), (prompts.SYSTEM, prompts.COMPACT_SYSTEM))
            notices = (*notices, *filtered.removed)
            text, attributed = attribute(drop_repeats(filtered.text), texts, self.encode)
            if attributed:
                notices = (*notices, f"{attributed} marker(s) were added where a passage clearly supports an "
                                     "uncited sentence")
            check = check_citations(text, texts, self.encode, paste)
            if filtered.withheld or not any(sentence.supported for sentence in check.sentences):
                reason = (filtered.removed[0] if filtered.withheld
                          else "no sentence of the model's answer is supported by the passages")
                notices = (*notices, f"{reason}; this is an extractive answer instead")
                yield f"\n\n[{reason}; an extractive answer follows]\n\n"
                check = None
        if check is None:
            mode, parts = EXTRACTIVE, []
            for piece in pieces():
                parts.append(piece)
                yield piece
            check = check_citations("".join(parts), texts, self.encode, paste)
        yield _answer(question, query, mode, check, passages, notices, diagnosis, hits)


def _answer(question, query, mode, check: CitationCheck, passages, notices, diagnosis, hits) -> Answer:
    by_number = {p.n: p for p in passages}
    citations = tuple(Citation(n, by_number[n].entry_id, by_number[n].title, by_number[n].section, by_number[n].text)
                      for n in check.cited if n in by_number)
    return Answer(question, query, check.text, mode, False, citations, tuple(check.unsupported),
                  check.invalid_markers, check.faithfulness, tuple(hits), diagnosis, tuple(notices), check.sentences)


def _refusal(question, query, config, hits, diagnosis, notices, refusal: Refusal) -> Answer:
    nearest = ", ".join(f"{hit.title} ({hit.entry_id})" for hit in hits[:3])
    text = (f"The archive does not cover this question: {refusal.reason}."
            + (f" The nearest entries are: {nearest}." if hits else ""))
    return Answer(question, query, text, config.model, True, (), (), 0, 1.0, tuple(hits), diagnosis, tuple(notices),
                  refusal=refusal)


def _prompt_passage(passage: ContextPassage) -> prompts.PromptPassage:
    """The passage as the model sees it: instruction-like sentences in archive text are taken out."""
    return prompts.PromptPassage(passage.n, passage.entry_id, guard.redact_instructions(passage.title),
                                 passage.section, guard.redact_instructions(passage.text))


def _is_follow_up(question: str) -> bool:
    return len(question.split()) <= 12 and bool(FOLLOW_UP.search(question))


def open_assistant(settings) -> Assistant:
    """An assistant over the live index, with the model the settings name (one model load)."""
    from assistant.diagnose import Diagnoser
    from assistant.search import open_searcher

    searcher = open_searcher(settings)
    encode = searcher.encode_texts
    return Assistant(searcher, Diagnoser(searcher), encode, ModelConfig.from_settings(settings),
                     refuse_below=settings.refuse_below)

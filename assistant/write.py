"""Write an answer's text from its passages: a model through litellm, or the extractive composer.

    model (streamed) ──unreachable─────────────────────────────────────────┐
        │                                                                  │
    filtered (assistant.guard): no images, HTML or links; loops dropped;   │
    sentences that forgot their marker given the passage that backs them   │
        │                                                                  ▼
    citation check ──withheld, or nothing supported──> the extractive composer, checked alike

``write()`` is a generator: it yields the text pieces as they are written and returns the ``Written``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial

from assistant import extractive, guard, prompts
from assistant.cite import Citation, CitationCheck, EncodeTexts, attribute, check_citations, drop_repeats
from assistant.diagnose import Diagnosis
from assistant.llm import LOCAL_MODEL, LLMUnavailable, ModelConfig, resolve_model

EXTRACTIVE = "extractive"
UNSUPPORTED = "no sentence of the model's answer is supported by the passages"
Complete = Callable[[Sequence[dict], ModelConfig], Iterator[str]]


@dataclass(frozen=True, kw_only=True)
class Brief:
    """What an answer is written from: numbered passages, the messages a model is sent, and the
    extractive composer, called only when no model's text can stand."""

    passages: tuple[Citation, ...]
    messages: Sequence[dict]
    compose: Callable[[], Sequence[str]]
    paste: str = ""  # error output the user pasted: a sentence that restates it needs no citation

    @property
    def texts(self) -> list[str]:
        """The passages as the citation check reads them."""
        return [passage.full_text for passage in self.passages]


@dataclass(frozen=True, kw_only=True)
class Written:
    """An answer's checked text, who wrote it, and what its reader should be told."""

    check: CitationCheck
    mode: str  # "extractive", or the model that wrote it
    notices: tuple[str, ...] = ()


def answer_brief(question: str, query: str, passages: Sequence[Citation], model: str) -> Brief:
    """A question answered from passages; the small local model gets the compact prompt."""
    prompt = prompts.compact_messages if resolve_model(model) == LOCAL_MODEL else prompts.answer_messages
    return Brief(passages=tuple(passages), messages=prompt(question, [_prompt_passage(p) for p in passages]),
                 compose=partial(extractive.compose_answer, query, passages))


def fix_brief(paste: str, diagnosis: Diagnosis, passages: Sequence[Citation]) -> Brief:
    """Pasted error output answered with the matched entry's cause and fix, pointing at the user's own frame."""
    culprit = diagnosis.signature.culprit
    where = f"{culprit.file}:{culprit.line}" if culprit and culprit.file and culprit.in_app else None
    message = diagnosis.signature.message
    messages = prompts.diagnosis_messages(guard.redact_instructions(paste), message, where,
                                          [_prompt_passage(p) for p in passages])
    return Brief(passages=tuple(passages), messages=messages, paste=paste,
                 compose=partial(extractive.compose_fix, where, message, passages, diagnosis.hits[0].fix))


def write(brief: Brief, config: ModelConfig, *, complete: Complete,
          encode: EncodeTexts | None) -> Generator[str, None, Written]:
    """Stream from the model (or the extractive composer), filter and check; fall back to extractive."""
    notices: tuple[str, ...] = ()
    if config.model != EXTRACTIVE:
        parts, notices = yield from _stream_model(brief.messages, config, complete)
        if parts:
            check, more = yield from _check_model("".join(parts), brief, encode)
            notices = (*notices, *more)
            if check is not None:
                return Written(check=check, mode=config.model, notices=notices)
    pieces = list(brief.compose())
    yield from pieces
    check = check_citations("".join(pieces), brief.texts, encode, brief.paste)
    return Written(check=check, mode=EXTRACTIVE, notices=notices)


def _stream_model(messages: Sequence[dict], config: ModelConfig,
                  complete: Complete) -> Generator[str, None, tuple[list[str], tuple[str, ...]]]:
    """The model's text as it streams; none, and a notice why, when no model can be reached."""
    parts: list[str] = []
    try:
        for delta in complete(messages, config):
            parts.append(delta)
            yield delta
    except LLMUnavailable as exc:
        if parts:
            yield "\n\n[the model stopped; an extractive answer follows]\n\n"
        return [], (f"{exc}; this is an extractive answer instead",)
    return parts, ()


def _check_model(text: str, brief: Brief, encode: EncodeTexts | None
                 ) -> Generator[str, None, tuple[CitationCheck | None, tuple[str, ...]]]:
    """The model's text without what it may not show, its loops, or sentences left unsourced, and
    checked; None (said in the stream too) when it cannot stand."""
    filtered = guard.filter_output(text, (prompts.SYSTEM, prompts.COMPACT_SYSTEM))
    notices = tuple(filtered.removed)
    text, attributed = attribute(drop_repeats(filtered.text), brief.texts, encode)
    if attributed:
        notices = (*notices, f"{attributed} marker(s) were added where a passage clearly supports an uncited sentence")
    check = check_citations(text, brief.texts, encode, brief.paste)
    if not filtered.withheld and any(sentence.supported for sentence in check.sentences):
        return check, notices
    reason = filtered.removed[0] if filtered.withheld else UNSUPPORTED
    yield f"\n\n[{reason}; an extractive answer follows]\n\n"
    return None, (*notices, f"{reason}; this is an extractive answer instead")


def _prompt_passage(cited: Citation) -> Citation:
    """The passage as the model sees it: instruction-like sentences in archive text are taken out."""
    passage = cited.passage
    return replace(cited, passage=replace(passage, title=guard.redact_instructions(passage.title),
                                          text=guard.redact_instructions(passage.text)))

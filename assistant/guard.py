"""Defences against prompt injection, around the language model: what goes in, and what comes out.

Archive entries and pasted output are data, yet they may carry instructions ("ignore previous
instructions...", a fake "System:" turn, an image pointing at an outside server). Three layers:

1. delimiting (``assistant.prompts``): data sits in tags the data cannot close, under a system
   prompt that says it is not to be obeyed;
2. input filtering (``redact_instructions``): instruction-like sentences in the data are replaced by
   a marker before the model sees them;
3. output filtering (``filter_output``, by the rules of ``assistant.markdown``): whatever the model
   wrote outside code, no image, HTML or link survives (the cited passages, shown beside the answer,
   keep theirs), and an answer that repeats the system prompt is withheld; the assistant then
   replaces an answer left with no cited, supported sentence by an extractive one.

No layer relies on the model behaving: the tests drive a fake model that obeys every instruction
it sees, and these filters are what holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.markdown import strip_markup

# Phrases that address a language model rather than a developer. Matched case-insensitively.
INSTRUCTION = re.compile(
    r"(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+|the\s+|your\s+|every\s+)*"
    r"(?:previous|prior|above|earlier|preceding|system|original)?\s*(?:instructions?|prompts?|rules?|directions?|guidelines?|context)"
    r"|\byou\s+are\s+now\b|\bfrom\s+now\s+on\b|\b(?:answer|reply|respond|output)\s+only\s+with\b|\bnew\s+(?:system\s+)?instructions?\s*:|\bact\s+as\s+(?:an?\s+)?(?:unrestricted|jailbroken|DAN)\b"
    r"|(?:^|\n)\s*(?:#+\s*)?(?:system|assistant)\s*(?:prompt)?\s*:|\[/?(?:INST|SYS)\]|<\|(?:im_start|im_end|system|assistant)\|>"
    r"|\b(?:reveal|print|repeat|show)\s+(?:your|the)\s+(?:system\s+)?(?:prompt|instructions|rules)\b",
    re.I,
)
SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")
REDACTED = "[instruction-like text removed by khub]"

# A link in a model's answer is the one thing an injected instruction most wants; the passages it may
# come from are shown with the answer, so the answer itself carries none.
NOTICES = {
    "images": "images in the model's answer were removed",
    "html": "HTML in the model's answer was removed",
    "links": "links in the model's answer were made plain text (the cited sources show them)",
}
LEAK_WORDS = 8  # this many consecutive words of the system prompt in an answer is a leak


@dataclass(frozen=True)
class Filtered:
    """A model's text after output filtering, and what was taken out."""

    text: str
    removed: tuple[str, ...]  # notices, one per kind of thing removed
    withheld: bool = False  # the whole answer was dropped (it repeated the system prompt)


def redact_instructions(text: str) -> str:
    """The data with every sentence that addresses a language model replaced by a marker."""
    if not INSTRUCTION.search(text):
        return text
    def redact(match: re.Match) -> str:
        sentence = match.group(0)
        if not INSTRUCTION.search(sentence):
            return sentence
        return sentence[:len(sentence) - len(sentence.lstrip())] + REDACTED + _ending(sentence)

    return SENTENCE.sub(redact, text)


def filter_output(text: str, system_prompts: tuple[str, ...] = ()) -> Filtered:
    """A model's answer made safe to show (see the module docstring)."""
    if any(_repeats(text, prompt) for prompt in system_prompts):
        return Filtered("", ("the model's answer repeated its instructions and is not shown",), withheld=True)
    stripped = strip_markup(text)  # code is kept: it is shown as text anyway
    return Filtered(stripped.text.strip(), tuple(NOTICES[kind] for kind in stripped.removed))


def _repeats(text: str, prompt: str) -> bool:
    """Whether ``text`` holds LEAK_WORDS consecutive words of ``prompt``."""
    words = _words(prompt)
    said = " " + " ".join(_words(text)) + " "
    return any(" " + " ".join(words[i:i + LEAK_WORDS]) + " " in said for i in range(len(words) - LEAK_WORDS + 1))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _ending(sentence: str) -> str:
    return "\n" if sentence.endswith("\n") else ""

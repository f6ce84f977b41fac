"""The local model's prompt: chat messages through its ChatML template, cut to fit its context window.

The template comes from the GGUF file with the tokenizer; CHATML_TEMPLATE is only a fallback for
files without one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from khub.errors import ConfigError

log = logging.getLogger(__name__)

TRUNCATION_NOTE = "[... the start of this text was cut to fit the model's context window ...]\n"
MIN_PROMPT_TOKENS = 256  # max_tokens is lowered so that at least this much of the prompt survives

# SmolLM2's template, used only if a GGUF file carries none (this one does, with the same text).
CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}"
    "{% endif %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)


@dataclass
class Fitted:
    """Messages cut to fit the context window, their prompt's token ids, and what was cut."""

    messages: list[dict]
    prompt_ids: list[int]
    max_tokens: int
    truncated_tokens: int = 0
    notes: list[str] = field(default_factory=list)


def plain_messages(messages: Sequence[dict]) -> list[dict]:
    """Role and text only (litellm passes content as a string or a list of text parts)."""
    plain = []
    for message in messages:
        content = message.get("content") or ""
        if not isinstance(content, str):
            content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
        plain.append({"role": str(message.get("role") or "user"), "content": content})
    return plain


def render_prompt(tokenizer, messages: Sequence[dict]) -> str:
    """The prompt text for ``messages``, ending with the assistant's turn opening."""
    return tokenizer.apply_chat_template(plain_messages(messages), tokenize=False, add_generation_prompt=True)


def prompt_ids(tokenizer, messages: Sequence[dict]) -> list[int]:
    """The token ids of ``messages``' prompt, chat template included."""
    return tokenizer.encode(render_prompt(tokenizer, messages), add_special_tokens=False)


def fit_messages(tokenizer, messages: Sequence[dict], max_tokens: int, context_window: int) -> Fitted:
    """Messages whose prompt plus ``max_tokens`` fits ``context_window`` tokens.

    Text is cut from the front of the oldest non-system message first (then the next, and the
    system prompt last), with TRUNCATION_NOTE in its place; a message cut to nothing is dropped,
    except the last one. ``max_tokens`` is lowered if it alone leaves under MIN_PROMPT_TOKENS.
    """
    fitted = Fitted(plain_messages(messages), [], max(1, min(int(max_tokens), context_window - MIN_PROMPT_TOKENS)))
    if fitted.max_tokens < max_tokens:
        fitted.notes.append(f"max_tokens lowered from {max_tokens} to {fitted.max_tokens}")
    budget = context_window - fitted.max_tokens
    fitted.prompt_ids = prompt_ids(tokenizer, fitted.messages)
    if len(fitted.prompt_ids) <= budget:
        return fitted
    note_tokens = len(tokenizer.encode(TRUNCATION_NOTE, add_special_tokens=False))
    original = len(fitted.prompt_ids)
    while len(fitted.prompt_ids) > budget:
        target = _next_to_cut(fitted.messages)
        if target is None:  # nothing left to cut: the template alone is over budget
            raise ConfigError(f"the prompt cannot fit the model's context window of {context_window} tokens")
        cut = len(fitted.prompt_ids) - budget + note_tokens + 4  # a few spare: text re-tokenises at the cut
        _cut_front(tokenizer, fitted, target, cut)
        fitted.prompt_ids = prompt_ids(tokenizer, fitted.messages)
    fitted.truncated_tokens = original - len(fitted.prompt_ids)
    log.warning("prompt of %d tokens cut to %d to fit the context window of %d with %d tokens to generate: %s",
                original, len(fitted.prompt_ids), context_window, fitted.max_tokens, "; ".join(fitted.notes))
    return fitted


def _next_to_cut(messages: list[dict]) -> int | None:
    """The oldest message with text left to cut, the system prompt last; None if there is none."""
    order = sorted(range(len(messages)), key=lambda i: (messages[i]["role"] == "system", i))
    return next((i for i in order if messages[i]["content"].strip() and messages[i]["content"] != TRUNCATION_NOTE),
                None)


def _cut_front(tokenizer, fitted: Fitted, target: int, cut: int) -> None:
    """Replace the first ``cut`` tokens of message ``target`` by TRUNCATION_NOTE; drop the message if
    that is all of it, unless it is the last one, which is left as the note alone."""
    message = fitted.messages[target]
    ids = tokenizer.encode(message["content"].removeprefix(TRUNCATION_NOTE), add_special_tokens=False)
    if cut >= len(ids):
        if target == len(fitted.messages) - 1:
            message["content"] = TRUNCATION_NOTE
        else:
            del fitted.messages[target]
        fitted.notes.append(f"{message['role']} message {target} dropped ({len(ids)} tokens)")
    else:
        message["content"] = TRUNCATION_NOTE + tokenizer.decode(ids[cut:]).lstrip()
        fitted.notes.append(f"{message['role']} message {target}: first {cut} tokens cut")

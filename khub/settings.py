"""One typed, frozen settings object, read from the environment once, at the edge."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from khub.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parents[1]
ENV_PREFIX = "KHUB_"
ENCODERS = ("onnx-int8", "onnx", "torch")  # the embedding backends (embeddings/encoder.py)
DEFAULT_ENCODER = "onnx-int8"
DEFAULT_LLM_TIMEOUT = 60.0  # seconds a model may take to answer


def _in_checkout() -> bool:
    return (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "corpus").is_dir()


def default_index_dir() -> Path:
    """Inside the project when run from a checkout; otherwise the user's data folder."""
    if _in_checkout():
        return PROJECT_ROOT / "index"
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "khub" / "index"


def default_corpus_dir() -> Path:
    """The hub's own archive, bundled with the project."""
    return PROJECT_ROOT / "corpus"


@dataclass(frozen=True)
class Settings:
    """Everything configurable; CLI options mirror these and fall back to KHUB_* variables."""

    index_dir: Path
    corpus_dir: Path
    encoder: str = DEFAULT_ENCODER
    threads: int | None = None
    models_dir: Path | None = None
    model: str = "extractive"  # or "local" (SmolLM2 in-process), or any litellm model string
    api_base: str | None = None
    fallback_models: tuple[str, ...] = ()
    llm_timeout: float = DEFAULT_LLM_TIMEOUT
    refuse_below: float | None = None  # a plain search-score floor instead of the fitted refusal decision
    review_db: Path | None = None  # the mentors' review store (default: <index dir>/reviews.sqlite)

    @property
    def model_cache_dir(self) -> Path:
        """Encoder files derived from the packaged weights (e.g. the int8 ONNX export)."""
        return self.models_dir or self.index_dir / "models"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ, **overrides) -> Settings:
        """Read the KHUB_* variables (INDEX_DIR, CORPUS_DIR, ENCODER, THREADS, MODELS_DIR, MODEL,
        API_BASE, FALLBACK_MODELS, LLM_TIMEOUT, REFUSE_BELOW); explicit overrides win."""
        values = {
            "index_dir": Path(environ.get(ENV_PREFIX + "INDEX_DIR") or default_index_dir()),
            "corpus_dir": Path(environ.get(ENV_PREFIX + "CORPUS_DIR") or default_corpus_dir()),
            "encoder": environ.get(ENV_PREFIX + "ENCODER") or DEFAULT_ENCODER,
            "threads": _threads(environ.get(ENV_PREFIX + "THREADS")),
            "models_dir": Path(environ[ENV_PREFIX + "MODELS_DIR"]) if environ.get(ENV_PREFIX + "MODELS_DIR") else None,
            "model": environ.get(ENV_PREFIX + "MODEL") or "extractive",
            "api_base": environ.get(ENV_PREFIX + "API_BASE") or None,
            "fallback_models": tuple(name.strip() for name in environ.get(ENV_PREFIX + "FALLBACK_MODELS", "").split(",")
                                     if name.strip()),
            "llm_timeout": _seconds(environ.get(ENV_PREFIX + "LLM_TIMEOUT")),
            "refuse_below": _number(environ.get(ENV_PREFIX + "REFUSE_BELOW"), "KHUB_REFUSE_BELOW", None),
            "review_db": Path(environ[ENV_PREFIX + "REVIEW_DB"]) if environ.get(ENV_PREFIX + "REVIEW_DB") else None,
        }
        values.update({key: value for key, value in overrides.items() if value is not None})
        values["index_dir"] = Path(values["index_dir"]).expanduser()
        values["corpus_dir"] = Path(values["corpus_dir"]).expanduser()
        return cls(**values)


def _threads(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise ConfigError(f"KHUB_THREADS={text!r} is not a positive whole number; unset it or set e.g. KHUB_THREADS=2")
    return int(text)


def _seconds(text: str | None) -> float:
    if not text:
        return DEFAULT_LLM_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise ConfigError(f"KHUB_LLM_TIMEOUT={text!r} is not a positive number of seconds; e.g. KHUB_LLM_TIMEOUT=30")
    return value


def _number(text: str | None, name: str, default: float | None) -> float | None:
    if not text:
        return default
    try:
        return float(text)
    except ValueError:
        raise ConfigError(f"{name}={text!r} is not a number; e.g. {name}={default}") from None


# Read where they are needed, still from the environment only here: an entry's size limit (at
# validation, deep in the readers) and the mentors' login (by ``khub serve``).
# The longest entry of the public archive is 73 kB; one of megabytes is a pasted log or a dump,
# which would take minutes to embed and crowd every search. KHUB_MAX_ENTRY_BYTES raises the limit.
MAX_ENTRY_BYTES = 1_000_000


def max_entry_bytes(environ: Mapping[str, str] = os.environ) -> int:
    """The largest body one entry may have, in bytes (KHUB_MAX_ENTRY_BYTES)."""
    text = environ.get(ENV_PREFIX + "MAX_ENTRY_BYTES", "").strip()
    if not text:
        return MAX_ENTRY_BYTES
    if not text.isdigit() or int(text) == 0:
        raise ConfigError(f"KHUB_MAX_ENTRY_BYTES={text!r} is not a positive whole number of bytes; e.g. 5000000")
    return int(text)


def review_login(environ: Mapping[str, str] = os.environ) -> tuple[str, str] | None:
    """The mentors' login (KHUB_REVIEW_USER and KHUB_REVIEW_PASSWORD), or None when review is off."""
    user, password = environ.get(ENV_PREFIX + "REVIEW_USER", ""), environ.get(ENV_PREFIX + "REVIEW_PASSWORD", "")
    if bool(user) != bool(password):
        raise ConfigError("set both KHUB_REVIEW_USER and KHUB_REVIEW_PASSWORD to turn mentor review on")
    return (user, password) if user else None

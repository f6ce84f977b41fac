"""One typed, frozen settings object, read from the environment once, at the edge."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from embeddings.encoder import DEFAULT_BACKEND as DEFAULT_ENCODER
from khub.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parents[1]
ENV_PREFIX = "KHUB_"


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

    @property
    def model_cache_dir(self) -> Path:
        """Encoder files derived from the packaged weights (e.g. the int8 ONNX export)."""
        return self.models_dir or self.index_dir / "models"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ, **overrides) -> Settings:
        """Read KHUB_INDEX_DIR, KHUB_CORPUS_DIR, KHUB_ENCODER, KHUB_THREADS and KHUB_MODELS_DIR;
        explicit overrides win."""
        values = {
            "index_dir": Path(environ.get(ENV_PREFIX + "INDEX_DIR") or default_index_dir()),
            "corpus_dir": Path(environ.get(ENV_PREFIX + "CORPUS_DIR") or default_corpus_dir()),
            "encoder": environ.get(ENV_PREFIX + "ENCODER") or DEFAULT_ENCODER,
            "threads": _threads(environ.get(ENV_PREFIX + "THREADS")),
            "models_dir": Path(environ[ENV_PREFIX + "MODELS_DIR"]) if environ.get(ENV_PREFIX + "MODELS_DIR") else None,
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

"""Shared fixtures: the real embedding model (loaded once per run) and tiny real archives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from archives import write_archive

import khub  # noqa: F401  (sets the offline environment before any library loads)
from embeddings.encoder import DEFAULT_BACKEND, load_encoder
from khub.settings import Settings


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory) -> Path:
    """Encoder files (the ONNX export) built once per test run, shared by every index."""
    return Path(os.environ.get("KHUB_TEST_MODELS_DIR") or tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="session")
def encoder(models_dir):
    """The default encoder on the real packaged model, loaded once per run."""
    return load_encoder(DEFAULT_BACKEND, models_dir)


@pytest.fixture
def archive(tmp_path) -> Path:
    """A tiny real archive of six entries with distinct topics."""
    return write_archive(tmp_path / "archive")


@pytest.fixture
def settings(tmp_path, models_dir, encoder) -> Settings:
    """Settings for a fresh index in tmp_path; the encoder fixture has built the model files."""
    return Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "archive", models_dir=models_dir)


@pytest.fixture(scope="session")
def bundled_settings(tmp_path_factory, models_dir, encoder) -> Settings:
    """An index of the bundled corpus/, built once per run."""
    from embeddings.pipeline import run_ingest

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    settings = Settings(index_dir=tmp_path_factory.mktemp("bundled") / "index", corpus_dir=corpus,
                        models_dir=models_dir)
    result = run_ingest([], settings, strict=True)
    assert result.corpus.problems == ()
    return settings

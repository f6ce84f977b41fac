"""The embedding backends on the real packaged model: shapes, order, agreement, cache repair."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from embeddings.encoder import BACKENDS, load_encoder
from embeddings.model import DIMENSION, weights_fingerprint
from embeddings.onnx_build import ensure_onnx_model, onnx_model_path
from khub.errors import ConfigError

TEXTS = [
    "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
    "How do I revert a pushed merge commit?",
    "",
    "Uncaught TypeError: Cannot read properties of null (reading 'addEventListener') " * 30,
    "CSS grid vs flexbox",
    "ünïcödé façade — naïve café",
]
MIN_COSINE_TO_TORCH = {"onnx": 0.99, "onnx-int8": 0.95}


@pytest.fixture(scope="session")
def cache_dir(models_dir) -> Path:
    return models_dir


@pytest.fixture(scope="session")
def encoders(cache_dir):
    """Every backend, loaded once: the ONNX files are exported a single time per run."""
    return {backend: load_encoder(backend, cache_dir, threads=2) for backend in BACKENDS}


@pytest.fixture(scope="session")
def vectors(encoders):
    return {backend: encoder.encode(TEXTS, batch_size=4) for backend, encoder in encoders.items()}


@pytest.mark.parametrize("backend", BACKENDS)
def test_unit_float32_vectors_of_model_dimension(backend, vectors):
    result = vectors[backend]
    assert result.shape == (len(TEXTS), DIMENSION)
    assert result.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(result, axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize("backend", BACKENDS)
def test_vectors_follow_input_order_whatever_the_batching(backend, encoders, vectors):
    one_by_one = np.vstack([encoders[backend].encode([text]) for text in TEXTS])
    reversed_batch = encoders[backend].encode(TEXTS[::-1], batch_size=3)[::-1]
    # Padding changes float rounding a little, never the meaning.
    assert np.min(np.sum(one_by_one * vectors[backend], axis=1)) > 0.9999
    assert np.min(np.sum(reversed_batch * vectors[backend], axis=1)) > 0.9999


@pytest.mark.parametrize("backend", ["onnx", "onnx-int8"])
def test_an_onnx_vector_depends_on_its_text_alone(backend, encoders, vectors):
    # One text per run: no padding, and int8 activation scales never see batch neighbours,
    # so a text embedded as a query equals the same text embedded among chunks, bit for bit.
    alone = np.vstack([encoders[backend].encode([text]) for text in TEXTS])
    np.testing.assert_array_equal(alone, vectors[backend])


@pytest.mark.parametrize("backend", BACKENDS)
def test_texts_are_cut_at_256_word_pieces(backend, encoders):
    long, longer = encoders[backend].encode(["word " * 300, "word " * 600])
    assert float(long @ longer) > 0.9999


@pytest.mark.parametrize("backend", ["onnx", "onnx-int8"])
def test_onnx_agrees_with_torch(backend, vectors):
    cosines = np.sum(vectors[backend] * vectors["torch"], axis=1)
    assert cosines.min() > MIN_COSINE_TO_TORCH[backend], cosines


@pytest.mark.parametrize("backend", BACKENDS)
def test_no_texts_give_an_empty_matrix(backend, encoders):
    result = encoders[backend].encode([])
    assert result.shape == (0, DIMENSION)
    assert result.dtype == np.float32


def test_progress_reports_every_batch(encoders):
    calls: list[int] = []
    encoders["onnx-int8"].encode(TEXTS, batch_size=4, progress=calls.append)
    assert calls == [4, 2]


def test_a_single_string_is_refused(encoders):
    with pytest.raises(TypeError, match="sequence of texts"):
        encoders["onnx-int8"].encode("one text")


def test_model_ids_differ_per_backend_and_name_the_weights(encoders):
    ids = {encoder.model_id for encoder in encoders.values()}
    assert len(ids) == len(BACKENDS)
    assert all(weights_fingerprint() in model_id for model_id in ids)


def test_unknown_backend_names_the_valid_choices(cache_dir):
    with pytest.raises(ConfigError) as error:
        load_encoder("tensorflow", cache_dir)
    assert all(backend in str(error.value) for backend in BACKENDS)


def _flip_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    with open(path, "r+b") as stream:
        stream.truncate(path.stat().st_size // 3)


def _drop_checksum(path: Path) -> None:  # what a kill between the two renames leaves
    path.with_name(path.name + ".sha256").unlink()


@pytest.mark.parametrize("damage", [_flip_bytes, _truncate, _drop_checksum])
def test_a_damaged_cached_file_is_rebuilt(damage, cache_dir, encoders, vectors, tmp_path):
    for backend in ("onnx", "onnx-int8"):  # a private copy of the cache: the int8 rebuild reuses fp32
        source = onnx_model_path(backend, cache_dir)
        for path in (source, source.with_name(source.name + ".sha256")):
            shutil.copy(path, tmp_path / path.name)
    damaged = onnx_model_path("onnx-int8", tmp_path)
    damage(damaged)

    assert ensure_onnx_model("onnx-int8", tmp_path) == damaged
    rebuilt = load_encoder("onnx-int8", tmp_path, threads=2).encode(TEXTS, batch_size=4)
    np.testing.assert_allclose(rebuilt, vectors["onnx-int8"], atol=1e-5)
    assert not list(tmp_path.glob("*.tmp")), "temporary files must not be left behind"


def test_a_cached_onnx_model_loads_without_torch(cache_dir, encoders):
    probe = (
        "import sys; from pathlib import Path; from embeddings.encoder import load_encoder; "
        f"load_encoder('onnx-int8', Path({str(cache_dir)!r})).encode(['x']); "
        "sys.exit('torch' in sys.modules)"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    assert subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, timeout=120).returncode == 0

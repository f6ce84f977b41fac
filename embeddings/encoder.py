"""Turn text chunks into all-MiniLM-L6-v2 vectors on the CPU, fully offline.

Every backend returns what sentence-transformers' ``encode`` returns for this model
(Transformer -> mean pooling over the attention mask -> L2 normalisation, inputs cut
at 256 word pieces): float32 unit vectors of 384 numbers, in input order.

    onnx-int8  onnxruntime, weights quantised to int8 per channel (AVX-512 VNNI): on the
               2-core dev machine ~130 chunks/s, 2.2x onnx and 3x torch; cosine to fp32
               0.994 (min 0.98), 9 in 10 of a query's 10 nearest chunks unchanged. Default.
    onnx       onnxruntime fp32: the reference vectors (cosine 1.0); ~60 chunks/s
    torch      sentence-transformers on torch fp32: the reference itself; ~40 chunks/s,
               and 4 s to import and load instead of 0.2-0.35 s for the ONNX backends

The ONNX files are built on first use from the packaged weights and cached
(embeddings/onnx_build.py). torch and sentence-transformers are imported only by the
torch backend and that builder, so the ONNX backends start in a fraction of a second.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from embeddings.model import DIMENSION, MAX_WORD_PIECES, load_tokenizer, model_dir, weights_fingerprint
from khub.errors import ConfigError

BACKENDS = ("onnx-int8", "onnx", "torch")
DEFAULT_BACKEND = "onnx-int8"
MODEL_SHORT_NAME = "all-MiniLM-L6-v2"
# Bump when the export or quantisation recipe, or how OnnxEncoder feeds texts to a run,
# changes: the vectors change, so the cached files and every model_id (a vector-cache
# key) must change with them.
EXPORT_RECIPE = "r1"
class Encoder(ABC):
    """Embeds texts; subclasses only embed one batch, this class sorts, batches and reports."""

    model_id: str
    dim: int = DIMENSION

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = 32,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Return float32 (len(texts), 384) unit vectors in input order; progress(k) after each batch of k."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts; wrap a single text in a list")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        vectors = np.empty((len(texts), self.dim), dtype=np.float32)
        # Longest first, as sentence-transformers does: texts of similar length share a
        # batch, so torch computes little padding, the ONNX workers finish together, and
        # a memory problem shows at once.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            vectors[batch] = self._embed([texts[i] for i in batch])
            if progress is not None:
                progress(len(batch))
        return vectors

    @abstractmethod
    def _embed(self, texts: list[str]) -> np.ndarray:
        """Return the unit vectors of one batch, in the batch's order."""


class TorchEncoder(Encoder):
    """sentence-transformers on torch fp32: the reference the other backends are checked against."""

    def __init__(self, threads: int) -> None:
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # a "Loading weights" bar per load is noise here
        torch.set_num_threads(threads)
        self._model = SentenceTransformer(str(model_dir()), device="cpu")
        self._model.max_seq_length = MAX_WORD_PIECES
        self.model_id = model_id_for("torch")

    def _embed(self, texts: list[str]) -> np.ndarray:
        # The model's own Normalize module already makes unit vectors.
        vectors = self._model.encode(texts, batch_size=len(texts), show_progress_bar=False, convert_to_numpy=True)
        return vectors.astype(np.float32, copy=False)


class OnnxEncoder(Encoder):
    """onnxruntime on an exported graph that already pools and normalises, one text per run.

    Texts run one at a time, spread over `threads` single-threaded workers (onnxruntime
    releases the GIL). On the 2-core VNNI machine this was about twice as fast as padded
    batches of 32 with two-threaded kernels (int8: 145 vs 67 chunks/s): nothing is padded,
    and a big batch's attention tensors fall out of the CPU caches. It also makes a vector
    depend on its text alone: dynamic int8 quantisation scales activations per run, so
    batch neighbours and padding would move a vector (cosine down to 0.96 in a test).
    """

    def __init__(self, path: Path, model_id: str, threads: int) -> None:
        ort = _import_onnxruntime()
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # One session shared by the workers: run() is thread-safe and the weights load once.
        self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self._tokenizer = truncating_tokenizer()
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="khub-embed") if threads > 1 else None
        self.model_id = model_id

    def _embed(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        run = self._pool.map if self._pool is not None else map
        return np.vstack(list(run(self._embed_one, encodings)))

    def _embed_one(self, encoding) -> np.ndarray:
        inputs = {
            "input_ids": np.array([encoding.ids], dtype=np.int64),
            "attention_mask": np.array([encoding.attention_mask], dtype=np.int64),
        }
        return self._session.run(["sentence_embedding"], inputs)[0]


def load_encoder(backend: str, cache_dir: Path, threads: int | None = None) -> Encoder:
    """Return a ready encoder; ONNX backends build their cached file in cache_dir on first use."""
    if backend not in BACKENDS:
        raise ConfigError(
            f"unknown embedding backend {backend!r}; choose one of: {', '.join(BACKENDS)} "
            f"({DEFAULT_BACKEND} is the fastest, torch the reference)"
        )
    threads = thread_count(threads)
    if backend == "torch":
        return TorchEncoder(threads)
    from embeddings.onnx_build import ensure_onnx_model

    path = ensure_onnx_model(backend, Path(cache_dir))
    return OnnxEncoder(path, onnx_model_id(backend), threads)


def model_id_for(backend: str) -> str:
    """Return the identity of a backend's vector space (the vector-cache key) without loading it."""
    if backend not in BACKENDS:
        raise ConfigError(f"unknown embedding backend {backend!r}; choose one of: {', '.join(BACKENDS)}")
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


def _import_onnxruntime():
    try:
        import onnxruntime
    except ImportError as exc:
        raise ConfigError(
            "the onnx embedding backends need onnxruntime; install it with: pip install onnxruntime "
            "(or choose the torch backend)"
        ) from exc
    return onnxruntime

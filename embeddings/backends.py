"""The encoder backends: sentence-transformers on torch (the reference) and onnxruntime.

How they compare, and which one loads, is said in embeddings/encoder.py.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from embeddings.model import DIMENSION, MAX_WORD_PIECES, model_dir, model_id_for, truncating_tokenizer
from khub.errors import ConfigError


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


def _import_onnxruntime():
    try:
        import onnxruntime
    except ImportError as exc:
        raise ConfigError(
            "the onnx embedding backends need onnxruntime; install it with: pip install onnxruntime "
            "(or choose the torch backend)"
        ) from exc
    return onnxruntime

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

from pathlib import Path

from embeddings.backends import Encoder, OnnxEncoder, TorchEncoder
from embeddings.model import model_id_for, onnx_model_id, thread_count
from embeddings.onnx_build import ensure_onnx_model
from khub.errors import ConfigError
from khub.settings import DEFAULT_ENCODER, ENCODERS

BACKENDS = ENCODERS  # the backends' names and the default are settings (khub/settings.py)
DEFAULT_BACKEND = DEFAULT_ENCODER
__all__ = ["BACKENDS", "DEFAULT_BACKEND", "Encoder", "OnnxEncoder", "TorchEncoder", "load_encoder", "model_id_for"]


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
    path = ensure_onnx_model(backend, Path(cache_dir))
    return OnnxEncoder(path, onnx_model_id(backend), threads)

"""Build the ONNX files of the embedding model from the packaged weights, once, and cache them.

``onnx`` is a torch.onnx export of BERT + mean pooling + L2 normalisation (no network);
``onnx-int8`` is that file with int8 weights (onnxruntime's dynamic quantisation, per channel).
Each new file must agree with the reference vectors on probe texts before it is cached, under a
name holding the weights fingerprint, the backend and the recipe. A file counts only with a
matching checksum beside it, written last, so a kill at any moment never leaves a usable-looking
broken file. Only this module and the torch backend import torch.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

from embeddings.backends import OnnxEncoder, TorchEncoder
from embeddings.model import (
    EXPORT_RECIPE,
    MODEL_SHORT_NAME,
    model_dir,
    thread_count,
    truncating_tokenizer,
    weights_fingerprint,
)
from khub.errors import ConfigError

log = logging.getLogger("khub.encoder")

# Lowest cosine to the reference a freshly built file must reach on the probe texts
# before it is cached; int8 measured 0.97-0.99, fp32 1.0 to 1e-6.
_MIN_PROBE_COSINE = {"onnx": 0.9999, "onnx-int8": 0.95}
_PROBE_TEXTS = (
    "error[E0382]: borrow of moved value: `v`",
    "How do I undo the last git commit but keep the changes?",
    "x",
    "",
    "TypeError: Cannot read properties of undefined (reading 'map') " * 40,  # > 256 pieces: truncated
)


def onnx_model_path(backend: str, cache_dir: Path) -> Path:
    """Return where the ONNX file of backend is cached in cache_dir."""
    return Path(cache_dir) / f"{MODEL_SHORT_NAME}-{weights_fingerprint()}-{backend}-{EXPORT_RECIPE}.onnx"


def ensure_onnx_model(backend: str, cache_dir: Path) -> Path:
    """Return the cached ONNX file of backend, building it first if it is missing or damaged."""
    path = onnx_model_path(backend, cache_dir)
    if _is_intact(path):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    log.info("preparing the %s embedding model from the packaged weights in %s (once; about 10 s)", backend, cache_dir)
    if backend == "onnx":
        build, reference = _export_fp32, _reference_vectors_torch
    else:
        # The int8 file is made from the fp32 one, which is cached too: a later switch
        # to the fp32 backend, or a rebuild of the int8 file, needs no torch then.
        fp32 = ensure_onnx_model("onnx", cache_dir)
        build, reference = (lambda target: _quantise(fp32, target)), (lambda: _onnx_vectors(fp32))
    _write_atomically(path, build, reference, _MIN_PROBE_COSINE[backend])
    return path


# --- the cache: a file counts only with a matching checksum beside it -------------------


def _checksum_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _is_intact(path: Path) -> bool:
    """True when path exists and matches the checksum written after it (~35 ms for int8)."""
    try:
        expected = _checksum_path(path).read_text(encoding="ascii").strip()
    except OSError:
        return False
    return path.is_file() and _sha256(path) == expected


def _write_atomically(
    path: Path, build: Callable[[Path], None], reference: Callable[[], np.ndarray], min_cosine: float
) -> None:
    """Build into a temporary file, check it, then move it and its checksum into place.

    A kill at any step leaves either no file, or a file without its checksum, which
    _is_intact() rejects; two processes building at once each use their own temporary file.
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    os.close(fd)
    temporary = Path(name)
    try:
        build(temporary)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a cache is fine to read for all
        _check_against_reference(temporary, reference(), min_cosine)
        digest = _sha256(temporary)
        os.replace(temporary, path)
        _write_text_atomically(_checksum_path(path), digest + "\n")
    finally:
        temporary.unlink(missing_ok=True)


def _write_text_atomically(path: Path, text: str) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="ascii") as stream:
        stream.write(text)
    os.replace(name, path)


def _check_against_reference(path: Path, reference: np.ndarray, min_cosine: float) -> None:
    """Refuse a built file whose probe vectors stray from the reference's."""
    cosines = np.sum(_onnx_vectors(path) * reference, axis=1)
    if cosines.min() < min_cosine:
        raise ConfigError(
            f"the ONNX embedding model built from the packaged weights disagrees with the reference "
            f"(lowest probe cosine {cosines.min():.4f} < {min_cosine}); this torch/transformers/onnxruntime "
            f"combination cannot export it: use the torch backend"
        )


def _onnx_vectors(path: Path) -> np.ndarray:
    return OnnxEncoder(path, "probe", threads=1).encode(list(_PROBE_TEXTS))


def _reference_vectors_torch() -> np.ndarray:
    return TorchEncoder(threads=thread_count(None)).encode(list(_PROBE_TEXTS))


# --- building the files (the only place besides TorchEncoder that imports torch) --------


# Not sentence-transformers' ONNX path (backend="onnx", export_*_onnx_model), checked 2026-12-07: it needs
# optimum-onnx, whose every release (0.0.1-0.1.0) pins transformers<4.58, so installing it would downgrade
# transformers 5.25.0 -> 4.57.6 and huggingface_hub 2.4.0 -> 0.36.2, breaking sentence-transformers 6.3.0
# (needs transformers>=5, hub>=1.3); this export needs nothing beyond torch, onnx and onnxruntime.
def _export_fp32(target: Path) -> None:
    """Export BERT + mean pooling + L2 normalisation as one graph to target."""
    import torch

    model = _pooled_bert()
    tokenizer = truncating_tokenizer()
    # A padded sample, so the traced graph also serves padded batches correctly.
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id("[PAD]"), pad_token="[PAD]")
    tokens = tokenizer.encode_batch(["a padded row", "a longer row that sets the padded length"])
    sample = tuple(torch.tensor([getattr(e, key) for e in tokens]) for key in ("ids", "attention_mask"))
    dynamic = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}}
    with warnings.catch_warnings():
        # The tracer warns about shape tests in transformers' mask code; their outcome
        # is the same for every input we feed, and the probe check proves the graph right.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            sample,
            str(target),
            input_names=["input_ids", "attention_mask"],
            output_names=["sentence_embedding"],
            dynamic_axes=dynamic | {"sentence_embedding": {0: "batch"}},
            opset_version=17,
            dynamo=False,  # the TorchScript exporter needs no onnxscript; its graph is the one measured
        )


def _pooled_bert():
    """Return the packaged BERT wrapped with sentence-transformers' mean pooling and Normalize."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # a "Loading weights" bar per load is noise in khub's output
    # Eager attention traces to the MatMul/Softmax pattern onnxruntime fuses into its
    # Attention kernel; the sdpa trace is not fused and ran ~25% slower.
    bert = AutoModel.from_pretrained(str(model_dir()), attn_implementation="eager").eval()

    class PooledBert(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            tokens = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    return PooledBert().eval()


def _quantise(source: Path, target: Path) -> None:
    """Write source with int8 weights (a scale per output channel); activations are
    quantised to uint8 at run time, with one scale per run (per text, see OnnxEncoder)."""
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise ConfigError(
            "building the onnx-int8 embedding model needs the onnx package; install it with: pip install onnx "
            "(or choose the onnx or torch backend)"
        ) from exc
    # Per-channel scales: one scale per whole matrix lost too much (mean cosine to fp32
    # 0.94 instead of 0.994 on corpus chunks) for the same speed.
    root = logging.getLogger()
    root.addFilter(_drop_preprocessing_hint)
    try:
        quantize_dynamic(source, target, weight_type=QuantType.QInt8, per_channel=True)
    finally:
        root.removeFilter(_drop_preprocessing_hint)


def _drop_preprocessing_hint(record: logging.LogRecord) -> bool:
    # quantize_dynamic always logs a hint to pre-process the model first; that step
    # fails on this graph (incomplete symbolic shape inference) and is not needed.
    return "pre-processing before quantization" not in record.getMessage()

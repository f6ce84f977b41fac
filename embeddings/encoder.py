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

The ONNX files are built on first use from the packaged weights (torch.onnx.export,
then onnxruntime's dynamic quantisation; no network), checked against the reference,
and cached in the caller's folder under a name holding the weights fingerprint, the
backend and the export recipe. A damaged cached file fails its checksum and is rebuilt.
torch and sentence-transformers are imported only by the torch backend and the exporter.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from embeddings.model import DIMENSION, MAX_WORD_PIECES, load_tokenizer, model_dir, weights_fingerprint
from khub.errors import ConfigError

log = logging.getLogger("khub.encoder")

BACKENDS = ("onnx-int8", "onnx", "torch")
DEFAULT_BACKEND = "onnx-int8"
MODEL_SHORT_NAME = "all-MiniLM-L6-v2"
# Bump when the export or quantisation recipe, or how OnnxEncoder feeds texts to a run,
# changes: the vectors change, so the cached files and every model_id (a vector-cache
# key) must change with them.
EXPORT_RECIPE = "r1"
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
        self._tokenizer = _truncating_tokenizer()
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
    threads = _thread_count(threads)
    if backend == "torch":
        return TorchEncoder(threads)
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


def _thread_count(threads: int | None) -> int:
    if threads is None:
        # The cores this process may run on (a container can allow fewer than the machine has).
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if threads < 1:
        raise ConfigError(f"the embedding thread count must be at least 1, not {threads}")
    return threads


def _truncating_tokenizer():
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
    return TorchEncoder(threads=_thread_count(None)).encode(list(_PROBE_TEXTS))


# --- building the files (the only place besides TorchEncoder that imports torch) --------


def _export_fp32(target: Path) -> None:
    """Export BERT + mean pooling + L2 normalisation as one graph to target."""
    import torch

    model = _pooled_bert()
    tokenizer = _truncating_tokenizer()
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

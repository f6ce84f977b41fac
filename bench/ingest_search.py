"""Benchmark ingest and search on this machine; prints a table (or --json).

    cold ingest         a fresh index and an empty vector cache: chunks/s and texts/s encoded
    no-change ingest    `khub ingest` again, nothing changed (start-up included)
    one-edit ingest     one entry edited, then `khub ingest` (start-up included)
    search latency      p50/p95/p99 of single queries, one at a time, model loaded once

Every ingest runs `khub ingest` as a user would, in a subprocess, so start-up and imports count.
The model's ONNX files are built once beforehand and reported apart (a one-time cost per machine).

Usage:
    python bench/ingest_search.py                      # bundled corpus/ + ../shared public corpus
    python bench/ingest_search.py --corpus-only        # bundled corpus/ alone (no ../shared needed)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import khub  # noqa: E402,F401
from assistant.evaluate import load_questions  # noqa: E402
from assistant.search import open_searcher  # noqa: E402
from embeddings.encoder import DEFAULT_BACKEND  # noqa: E402
from khub.settings import Settings  # noqa: E402

PUBLIC = ROOT.parent / "shared" / "corpus-public" / "entries.jsonl"
QUESTIONS = ROOT.parent / "shared" / "eval" / "dev" / "questions.jsonl"
FALLBACK_QUERIES = ["how should a single page app store its JWT?", "foreign key constraint fails on insert",
                    "debounce a search input in react", "ModuleNotFoundError inside a virtualenv",
                    "recursive CTE for an org chart", "vector database for recommendations"]


# `khub ingest` as the CLI runs it, reporting its own peak memory on stderr as it exits.
RUN_KHUB = (
    "import atexit, resource, sys; "
    "atexit.register(lambda: print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)); "
    "from ui.cli import main; sys.argv = ['khub', *sys.argv[1:]]; main()"
)


def khub_ingest(paths: list[Path], env: dict) -> tuple[dict, float, float]:
    """Run `khub ingest --json`; return its summary, wall seconds and its peak RSS in MB."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN_KHUB, "ingest", *map(str, paths), "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"khub ingest failed:\n{done.stderr}")
    peak_kb = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_RSS_KB"))
    return json.loads(done.stdout), wall, peak_kb / 1024


def search_latencies(settings: Settings, queries: list[str], rounds: int) -> list[float]:
    searcher = open_searcher(settings)
    for query in queries[:5]:
        searcher.search(query)  # warm caches
    timings = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            searcher.search(query, top_k=10)
            timings.append(1000 * (time.perf_counter() - started))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-only", action="store_true", help="only the bundled corpus/")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the queries for latency")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    use_public = not args.corpus_only and PUBLIC.is_file()
    if not args.corpus_only and not use_public:
        print(f"note: {PUBLIC} is missing; measuring the bundled corpus only", file=sys.stderr)

    work = Path(tempfile.mkdtemp(prefix="khub-bench-"))
    try:
        figures = measure(work, use_public, args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_table(figures)


def measure(work: Path, use_public: bool, rounds: int) -> dict:
    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    paths = [corpus] + ([PUBLIC] if use_public else [])
    models = work / "models"
    started = time.perf_counter()
    # In a child process: the export loads torch, and a big parent would inflate the children's
    # peak-memory figures (Linux keeps ru_maxrss across fork and exec).
    subprocess.run([sys.executable, "-c", f"from embeddings.onnx_build import ensure_onnx_model; "
                    f"ensure_onnx_model({DEFAULT_BACKEND!r}, __import__('pathlib').Path({str(models)!r}))"],
                   cwd=ROOT, check=True)
    export_seconds = time.perf_counter() - started
    env = {**os.environ, "KHUB_INDEX_DIR": str(work / "index"), "KHUB_MODELS_DIR": str(models)}

    cold, cold_wall, cold_rss = khub_ingest(paths, env)
    same, same_wall, _ = khub_ingest(paths, env)
    edited = corpus / "qa" / "api-auth-jwt-oauth.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more sentence, to measure a re-ingest.\n",
                      encoding="utf-8")
    edit, edit_wall, _ = khub_ingest(paths, env)

    queries = [q.query for q in load_questions(QUESTIONS)] if QUESTIONS.is_file() else FALLBACK_QUERIES
    timings = search_latencies(Settings.from_env(index_dir=work / "index", models_dir=models), queries, rounds)
    encoded = cold["chunks_encoded"] + cold["leads_encoded"]
    return {
        "machine": {"cpus": len(os.sched_getaffinity(0)), "load_average": os.getloadavg()[0]},
        "corpus": {"entries": cold["entries"], "chunks": cold["chunks"], "public_corpus": use_public},
        "model_export_seconds": round(export_seconds, 1),
        "cold_ingest": {"seconds": round(cold_wall, 1), "chunks_per_second": round(cold["chunks"] / cold_wall, 1),
                        "texts_encoded": encoded, "texts_per_second": round(encoded / cold_wall, 1),
                        "peak_rss_mb": round(cold_rss)},
        "no_change_ingest_seconds": round(same_wall, 2), "no_change_encoded": same["chunks_encoded"],
        "one_edit_ingest_seconds": round(edit_wall, 2),
        "one_edit_encoded": edit["chunks_encoded"] + edit["leads_encoded"],
        "search_ms": {"queries": len(timings), **{f"p{q}": round(float(np.percentile(timings, q)), 2)
                                                  for q in (50, 95, 99)}},
    }


def print_table(f: dict) -> None:
    rows = [
        ("corpus", f"{f['corpus']['entries']:,} entries, {f['corpus']['chunks']:,} chunks"
                   + (" (corpus/ + public)" if f["corpus"]["public_corpus"] else " (corpus/)")),
        ("machine", f"{f['machine']['cpus']} CPUs, load average {f['machine']['load_average']:.2f}"),
        ("model export (once per machine)", f"{f['model_export_seconds']} s"),
        ("cold ingest", f"{f['cold_ingest']['seconds']} s: {f['cold_ingest']['chunks_per_second']} chunks/s "
                        f"({f['cold_ingest']['texts_encoded']:,} texts encoded, "
                        f"{f['cold_ingest']['texts_per_second']}/s), peak RSS {f['cold_ingest']['peak_rss_mb']} MB"),
        ("re-ingest, nothing changed", f"{f['no_change_ingest_seconds']} s, {f['no_change_encoded']} encoded"),
        ("re-ingest after one edit", f"{f['one_edit_ingest_seconds']} s, {f['one_edit_encoded']} texts encoded"),
        ("search latency", f"p50 {f['search_ms']['p50']} ms, p95 {f['search_ms']['p95']} ms, "
                           f"p99 {f['search_ms']['p99']} ms ({f['search_ms']['queries']} queries)"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()

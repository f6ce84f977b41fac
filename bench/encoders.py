"""Compare the embedding backends on real corpus chunks: start-up, speed, agreement with torch fp32.

    PYTHONPATH=. .venv/bin/python bench/encoders.py [--chunks 300] [--threads N] [--json]

Chunks are entry bodies from the public corpus cut into pieces of 250 word pieces;
queries are entry titles. Each backend runs in a fresh process, so its start-up
(imports, session load, and the ONNX export when the cache is empty) is timed cold.
ONNX backends run twice, first on an empty cache ("export"), then on the filled one
("cached", whose throughput is reported). Throughput is given per wall-second and per
CPU-second of the whole process: the CPU figure holds up better when the machine is busy.
Quality is measured against torch fp32: per-chunk cosine, and how many of each query's
10 nearest chunks are the same (overlap@10); "own entry@1" is how often a title's nearest
chunk comes from its own entry, to tell a lost hit from a swap of near-ties.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from khub.errors import KhubError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path("/work/shared/corpus-public/entries.jsonl")
PIECES_PER_CHUNK = 250
CHUNKS_PER_ENTRY = 4  # so a few long articles do not fill the sample
NEIGHBOURS = 10


def main() -> int:
    args = _parse_args()
    if args.worker:
        return _run_worker(args)
    if not args.corpus.is_file():
        print(f"skipped: no corpus at {args.corpus} (pass --corpus)")
        return 0
    try:
        backends = _backend_list(args.backends)
    except KhubError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    texts = _sample_texts(args.corpus, args.chunks, args.queries, args.seed)
    results = _measure_all(backends, texts, args)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        _print_table(results, texts, args)
    return 0


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=300, help="chunks to embed (default 300)")
    parser.add_argument("--queries", type=int, default=50, help="titles used as queries (default 50)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--threads", type=int, default=None, help="default: every core this process may use")
    parser.add_argument("--backends", default="", help="comma-separated (default: all); torch always runs")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=0, help="which shuffle of the entries to sample")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    # Internal: one backend measured inside a fresh process.
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--vectors", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def _backend_list(requested: str) -> list[str]:
    from embeddings.encoder import BACKENDS, load_encoder

    names = [name.strip() for name in requested.split(",") if name.strip()] or list(BACKENDS)
    for name in names:
        if name not in BACKENDS:
            load_encoder(name, Path("."))  # raises the ConfigError that lists the choices
    # torch first: it is the reference every other backend is compared with.
    return ["torch"] + [name for name in names if name != "torch"]


# --- the sample -------------------------------------------------------------------------


def _sample_texts(corpus: Path, n_chunks: int, n_queries: int, seed: int = 0) -> dict[str, list]:
    """Return chunks from a fixed shuffle of the entries, the titles of those entries as
    queries, and for each chunk and query the number of the entry it comes from."""
    with open(corpus, encoding="utf-8") as lines:  # not splitlines(): bodies may hold U+2028
        entries = [json.loads(line) for line in lines if line.strip()]
    random.Random(seed).shuffle(entries)
    sample: dict[str, list] = {"chunks": [], "chunk_entry": [], "queries": [], "query_entry": []}
    for number, entry in enumerate(entries):
        if len(sample["chunks"]) >= n_chunks:
            break
        pieces = _split(entry.get("body") or "")[: min(CHUNKS_PER_ENTRY, n_chunks - len(sample["chunks"]))]
        sample["chunks"] += pieces
        sample["chunk_entry"] += [number] * len(pieces)
        if pieces and entry.get("title") and len(sample["queries"]) < n_queries:
            sample["queries"].append(entry["title"])
            sample["query_entry"].append(number)
    return sample


def _split(body: str) -> list[str]:
    """Cut body into consecutive pieces of PIECES_PER_CHUNK word pieces, keeping the original text."""
    from embeddings.model import load_tokenizer

    offsets = load_tokenizer().encode(body, add_special_tokens=False).offsets
    pieces = []
    for start in range(0, len(offsets), PIECES_PER_CHUNK):
        window = offsets[start : start + PIECES_PER_CHUNK]
        pieces.append(body[window[0][0] : window[-1][1]])
    return pieces


def _mean_word_pieces(chunks: list[str]) -> float:
    from embeddings.model import MAX_WORD_PIECES, load_tokenizer

    counts = [min(len(e.ids), MAX_WORD_PIECES) for e in load_tokenizer().encode_batch(chunks)]
    return float(np.mean(counts)) if counts else 0.0


# --- measuring --------------------------------------------------------------------------


def _measure_all(backends: list[str], texts: dict[str, list], args) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="khub-bench-") as scratch:
        work = Path(scratch)
        texts_file = work / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        results, vectors = [], {}
        for backend in backends:
            cache = work / f"cache-{backend}"  # empty: the first run of an ONNX backend exports
            runs = 1 if backend == "torch" else 2  # torch has no cache to fill
            measured = [_spawn_worker(backend, cache, texts_file, work / f"{backend}-{i}.npz", args)
                        for i in range(runs)]
            timing, vectors[backend] = measured[-1]
            timing["load_export_s"] = measured[0][0]["load_s"] if runs == 2 else None
            results.append(timing | _quality(vectors[backend], vectors["torch"], texts))
            print(f"measured {backend}", file=sys.stderr)
    return results


def _spawn_worker(backend: str, cache: Path, texts_file: Path, out: Path, args) -> tuple[dict, dict]:
    """Run one backend in a fresh process; return its timings and its vectors."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", backend, "--cache-dir", str(cache),
               "--texts", str(texts_file), "--vectors", str(out), "--batch-size", str(args.batch_size)]
    if args.threads:
        command += ["--threads", str(args.threads)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the {backend} worker failed:\n{done.stderr[-3000:]}")
    with np.load(out) as saved:
        return json.loads(done.stdout.strip().splitlines()[-1]), {k: saved[k] for k in saved.files}


def _run_worker(args) -> int:
    """Inside the fresh process: load (timed cold), warm up, embed chunks (timed), embed queries."""
    start = time.perf_counter()
    from embeddings.encoder import load_encoder

    encoder = load_encoder(args.worker, args.cache_dir, args.threads)
    load_s = time.perf_counter() - start
    texts = json.loads(args.texts.read_text(encoding="utf-8"))
    encoder.encode(texts["chunks"][:2])  # first-run allocations are start-up, not throughput
    wall, cpu = time.perf_counter(), time.process_time()
    chunks = encoder.encode(texts["chunks"], batch_size=args.batch_size)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    queries = encoder.encode(texts["queries"], batch_size=args.batch_size)
    np.savez(args.vectors, chunks=chunks, queries=queries)
    n = len(texts["chunks"])
    print(json.dumps({"backend": args.worker, "model_id": encoder.model_id, "load_s": load_s,
                      "chunks": n, "wall_s": wall, "cpu_s": cpu,
                      "chunks_per_s": n / wall, "chunks_per_cpu_s": n / cpu}))
    return 0


def _quality(vectors: dict, reference: dict, texts: dict) -> dict:
    """Cosine of each chunk to its reference vector; overlap@10 of each query's neighbours
    with the reference's; and how often a title's nearest chunk is from its own entry
    (does a changed neighbour cost retrieval, or only swap near-ties?)."""
    cosines = np.sum(vectors["chunks"] * reference["chunks"], axis=1)
    mine = _nearest(vectors["queries"], vectors["chunks"])
    theirs = _nearest(reference["queries"], reference["chunks"])
    overlaps = [len(set(a) & set(b)) / NEIGHBOURS for a, b in zip(mine, theirs)]
    chunk_entry = np.array(texts["chunk_entry"])
    found = [entry == chunk_entry[row[0]] for entry, row in zip(texts["query_entry"], mine)]
    return {"cosine_mean": float(cosines.mean()), "cosine_min": float(cosines.min()),
            "overlap_at_10": float(np.mean(overlaps)), "overlap_at_10_min": float(np.min(overlaps)),
            "own_entry_at_1": float(np.mean(found))}


def _nearest(queries: np.ndarray, chunks: np.ndarray) -> np.ndarray:
    return np.argsort(-(queries @ chunks.T), axis=1, kind="stable")[:, :NEIGHBOURS]


# --- reporting --------------------------------------------------------------------------


def _print_table(results: list[dict], texts: dict[str, list], args) -> None:
    print(f"{len(texts['chunks'])} chunks (mean {_mean_word_pieces(texts['chunks']):.0f} word pieces), "
          f"{len(texts['queries'])} queries, batch {args.batch_size}, threads {args.threads or 'all cores'}")
    header = ("backend", "load+export s", "load cached s", "chunks/s", "chunks/CPU-s",
              "cos mean", "cos min", "overlap@10", "min", "own entry@1")
    rows = [header] + [_row(result) for result in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def _row(result: dict) -> tuple[str, ...]:
    export = result["load_export_s"]
    return (result["backend"], "-" if export is None else f"{export:.2f}", f"{result['load_s']:.2f}",
            f"{result['chunks_per_s']:.1f}", f"{result['chunks_per_cpu_s']:.1f}",
            f"{result['cosine_mean']:.4f}", f"{result['cosine_min']:.4f}",
            f"{result['overlap_at_10']:.3f}", f"{result['overlap_at_10_min']:.1f}",
            f"{result['own_entry_at_1']:.2f}")


if __name__ == "__main__":
    sys.exit(main())

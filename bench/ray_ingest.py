"""What the embedding stage on Ray costs over the local path: cold-ingest seconds, side by side.

For the bundled corpus, then the bundled corpus with the public one (when ../shared has it): a cold
ingest (empty index, empty vector cache) on the local path, then Ray's start-up, then the same cold
ingest through Ray (`khub ingest --ray`). Then checks that both indexes hold the same vectors and give
the same search results on the dev questions. Both paths get the same CPUs (--threads, default all).

Usage (needs the `scale` extra: pip install -e '.[scale]'):
    python bench/ray_ingest.py [--threads N] [--public FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

import khub  # noqa: E402,F401  (quiet, offline environment first)
from assistant.evaluate import load_questions  # noqa: E402
from assistant.search import open_searcher  # noqa: E402
from embeddings.encoder import DEFAULT_BACKEND, load_encoder  # noqa: E402
from embeddings.index import open_index  # noqa: E402
from embeddings.pipeline import run_ingest  # noqa: E402
from khub.settings import Settings  # noqa: E402

PUBLIC = ROOT.parent / "shared" / "corpus-public" / "entries.jsonl"
DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev" / "questions.jsonl"


def cold_ingest(paths: list[Path], index_dir: Path, models: Path, threads: int, ray: str | None) -> dict:
    """One ingest into an empty index folder (so an empty vector cache): seconds and what it encoded."""
    settings = Settings(index_dir=index_dir, models_dir=models, threads=threads, ray=ray)
    started = time.perf_counter()
    report = run_ingest(paths, settings).report
    return {"seconds": round(time.perf_counter() - started, 2), "entries": report.entries,
            "texts": report.chunks_encoded + report.leads_encoded}


def same_index(local: Path, ray: Path, models: Path) -> dict:
    """The largest vector difference between the two indexes, and how many dev questions (or bundled
    queries) get the same results from both."""
    indexes = [open_index(folder) for folder in (local, ray)]
    chunks = [index.chunk_vectors(range(index.manifest.chunks)) for index in indexes]
    leads = [index.lead_vectors(list(range(len(index.entry_ids)))) for index in indexes]
    for index in indexes:
        index.close()
    differ = float(max(np.abs(chunks[0] - chunks[1]).max(), np.abs(leads[0] - leads[1]).max()))
    queries = [question.query for question in load_questions(DEV_QUESTIONS)] if DEV_QUESTIONS.is_file() else []
    searchers = [open_searcher(Settings(index_dir=folder, models_dir=models)) for folder in (local, ray)]
    same = sum([hit.as_dict() for hit in searchers[0].search(query)] ==
               [hit.as_dict() for hit in searchers[1].search(query)] for query in queries)
    return {"max_vector_difference": differ, "dev_questions": len(queries), "identical_results": same}


def compare(name: str, paths: list[Path], work: Path, models: Path, threads: int) -> dict:
    """Local, then Ray (started here, its start-up timed apart), on the same corpus from cold."""
    from embeddings.ray_encode import LOCAL, connect

    local = cold_ingest(paths, work / name / "local", models, threads, None)
    started = time.perf_counter()
    connect(LOCAL, threads)
    startup = round(time.perf_counter() - started, 2)
    ray = cold_ingest(paths, work / name / "ray", models, threads, LOCAL)
    overhead = ray["seconds"] - local["seconds"]
    return {"corpus": name, "entries": local["entries"], "texts": local["texts"], "local_s": local["seconds"],
            "ray_startup_s": startup, "ray_s": ray["seconds"], "overhead_s": round(overhead, 2),
            "overhead_pct": round(100 * overhead / local["seconds"], 1),
            **same_index(work / name / "local", work / name / "ray", models)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="CPUs for both paths")
    parser.add_argument("--public", type=Path, default=PUBLIC, help="the public corpus (skipped when missing)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    import ray

    rows = []
    with tempfile.TemporaryDirectory(prefix="khub-ray-bench-") as folder:
        work, models = Path(folder), Path(folder) / "models"
        load_encoder(DEFAULT_BACKEND, models)  # the ONNX file, built once, outside every timing
        corpora = {"bundled": [ROOT / "corpus"]}
        if args.public.is_file():
            corpora["bundled+public"] = [ROOT / "corpus", args.public]
        else:
            print(f"skipping the public corpus: {args.public} is missing", file=sys.stderr)
        for name, paths in corpora.items():
            rows.append(compare(name, paths, work, models, args.threads))
            ray.shutdown()  # each corpus pays Ray's start-up, and the local path runs without Ray beside it
    print(json.dumps(rows, indent=2) if args.json else table(rows, args.threads))


def table(rows: list[dict], threads: int) -> str:
    lines = [f"Cold ingest on {threads} CPU(s), local path vs Ray Data (local Ray, {threads} encoder actors):",
             f"{'corpus':<16}{'entries':>8}{'texts':>8}{'local s':>9}{'Ray start s':>12}{'Ray s':>8}"
             f"{'overhead':>10}{'max |dv|':>10}{'same results':>14}"]
    for row in rows:
        lines.append(f"{row['corpus']:<16}{row['entries']:>8,}{row['texts']:>8,}{row['local_s']:>9.1f}"
                     f"{row['ray_startup_s']:>12.1f}{row['ray_s']:>8.1f}{row['overhead_pct']:>9.1f}%"
                     f"{row['max_vector_difference']:>10.1e}"
                     f"{row['identical_results']:>7}/{row['dev_questions']:<6}")
    lines.append("Ray s excludes Ray's start-up (shown apart) but includes starting its encoder actors; "
                 "same results: dev questions with identical search hits.")
    return "\n".join(lines)


if __name__ == "__main__":
    main()

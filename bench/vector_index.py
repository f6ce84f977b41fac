"""Choose khub's FAISS index type by measurement: exact flat against HNSW and IVF, on a real index.

    .venv/bin/python bench/vector_index.py [--index-dir /tmp/khub-scaled] [--json]
        [--title-queries 160] [--repeats 2] [--hnsw-m 16,32] [--ef-construction 40,200]
        [--ef-search 16,32,64,128] [--nprobe 4,8,16,32] [--skip-hnsw] [--skip-ivf]

Vectors: the live snapshot's chunks.faiss (<index>/snapshots/<CURRENT>/chunks.faiss), read
back with reconstruct_n: the very vectors khub searches. Queries: the dev questions
(/work/shared/eval/dev/questions.jsonl) plus ``--title-queries`` titles of public entries
(seeded sample, so recall is not judged on 90 queries alone), encoded by khub's own
encoder (onnx-int8, model files from <index>/models).

For each index: build time (all cores: FAISS builds with OpenMP), memory (bytes of
faiss.serialize_index), latency of one query at a time for top-100 (khub asks for 100
candidates) with FAISS on 1 thread and on 2 threads (p50/p95 over queries x repeats), and
recall@10 / recall@100 of that top-100 against IndexFlatIP on the same queries (the share
of flat's top k that the index also returns in its top k), and "filled", how many of the 100
asked for come back. "r@10k10" is recall@10 of a search for 10 only, to see whether asking
for 100 changes the search (in FAISS 1.15 it does not: HNSW's candidate list is efSearch
long whatever k is, and the rest of the 100 comes from what the walk happened to visit).

Filtered search (a restriction to ~10% of the rows, as khub does for filters): the search
takes a faiss.IDSelectorBatch in type-specific parameters (SearchParametersHNSW /
SearchParametersIVF; khub's dense_search passes plain SearchParameters, which is tried
too); reported: whether it runs, whether every hit is allowed, latency (selector built per
query, as khub does), how many of the 100 asked for come back, and recall against flat
with the same filter. For HNSW, also the fallback of an exact search of the allowed rows in
its own flat storage (index.storage with the same selector). Read-back:
index.reconstruct_batch(250 rows) (khub re-scores ~250 candidates from stored vectors) must work
and give the stored vectors exactly; IVF needs make_direct_map() first, which is reported with
its memory.

The machine is shared: the load average is printed before and after (latencies on a busy
box are upper bounds). Timings use time.perf_counter around index.search.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import faiss
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_QUESTIONS = Path("/work/shared/eval/dev/questions.jsonl")
DEFAULT_PUBLIC = ROOT.parent / "shared" / "corpus-public" / "entries.jsonl"
TOP = 100  # candidates khub asks the dense index for
RESCORE = 250  # candidates khub re-scores from stored vectors
FILTER_SHARE = 0.10
SEED = 11


def main() -> int:
    args = _parse_args()
    index_dir = Path(args.index_dir)
    snapshot = _snapshot(index_dir)
    if snapshot is None:
        print(f"skipped: no index snapshot under {index_dir} "
              f"(build one with: KHUB_INDEX_DIR={index_dir} khub ingest ...)")
        return 0
    load_before = os.getloadavg()
    chunk_index = faiss.read_index(str(snapshot / "chunks.faiss"))
    xb = chunk_index.reconstruct_n(0, chunk_index.ntotal)
    queries, dev_count = _queries(index_dir, args)
    _log(args, f"{len(xb)} chunk vectors of dimension {xb.shape[1]} from {snapshot}; {len(queries)} queries "
               f"({dev_count} dev questions); load average {_load(load_before)}")

    rng = np.random.default_rng(SEED)
    allowed = np.sort(rng.choice(len(xb), size=max(1, int(len(xb) * FILTER_SHARE)), replace=False)).astype(np.int64)
    rescore_rows = [rng.choice(len(xb), size=min(RESCORE, len(xb)), replace=False).astype(np.int64) for _ in range(20)]
    context = Context(xb, queries, dev_count, allowed, rescore_rows, args.repeats)

    results: list[dict] = []
    flat, seconds = _timed_build(lambda: _flat(xb))
    context.reference(flat)
    results.append(_measure("IndexFlatIP", {}, flat, seconds, context, args))
    flat_bytes = results[0]["bytes"]
    if not args.skip_hnsw:
        for m in args.hnsw_m:
            for ef_construction in args.ef_construction:
                hnsw, seconds = _timed_build(lambda m=m, ef_construction=ef_construction: _hnsw(xb, m, ef_construction))
                for ef_search in args.ef_search:
                    params = {"M": m, "efConstruction": ef_construction, "efSearch": ef_search}
                    results.append(_measure("IndexHNSWFlat", params, hnsw, seconds, context, args))
                del hnsw
    if not args.skip_ivf:
        nlist = args.nlist or max(1, int(round(4 * math.sqrt(len(xb)))))
        ivf, seconds = _timed_build(lambda: _ivf(xb, nlist))
        for nprobe in args.nprobe:
            results.append(_measure("IndexIVFFlat", {"nlist": nlist, "nprobe": nprobe}, ivf, seconds, context, args))
        del ivf

    leads = _leads_latency(snapshot, queries, args.repeats)
    load_after = os.getloadavg()
    report = {
        "index_dir": str(index_dir), "snapshot": snapshot.name, "vectors": int(len(xb)), "dimension": int(xb.shape[1]),
        "flat_bytes": flat_bytes, "queries": len(queries), "dev_queries": dev_count, "top": TOP,
        "filter_rows": int(len(allowed)), "faiss": faiss.__version__, "cpus": os.cpu_count(),
        "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in load_after],
        "leads": leads, "results": results,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print_report(report)
    return 0


def _parse_args() -> argparse.Namespace:
    def ints(text: str) -> list[int]:
        return [int(part) for part in text.split(",") if part.strip()]

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index-dir", default=os.environ.get("KHUB_INDEX_DIR", "/tmp/khub-scaled"))
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--public", type=Path, default=DEFAULT_PUBLIC, help="entries whose titles are extra queries")
    parser.add_argument("--title-queries", type=int, default=160, help="public entry titles added as queries")
    parser.add_argument("--repeats", type=int, default=2, help="timed passes over the queries per setting")
    parser.add_argument("--hnsw-m", type=ints, default=[16, 32])
    parser.add_argument("--ef-construction", type=ints, default=[40, 200])
    parser.add_argument("--ef-search", type=ints, default=[16, 32, 64, 128, 256])
    parser.add_argument("--nlist", type=int, default=0, help="IVF lists (default 4*sqrt(n))")
    parser.add_argument("--nprobe", type=ints, default=[4, 8, 16, 32])
    parser.add_argument("--skip-hnsw", action="store_true")
    parser.add_argument("--skip-ivf", action="store_true")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    return parser.parse_args()


def _snapshot(index_dir: Path) -> Path | None:
    current = index_dir / "CURRENT"
    if not current.is_file():
        return None
    folder = index_dir / "snapshots" / current.read_text().strip()
    return folder if (folder / "chunks.faiss").is_file() else None


def _queries(index_dir: Path, args) -> tuple[np.ndarray, int]:
    from embeddings.encoder import load_encoder

    texts: list[str] = []
    if args.questions.is_file():
        texts = [json.loads(line)["query"] for line in args.questions.read_text().split("\n") if line.strip()]
    dev_count = len(texts)
    if args.title_queries and args.public.is_file():
        titles = [json.loads(line)["title"] for line in args.public.read_text(encoding="utf-8").split("\n")
                  if line.strip()]
        texts += random.Random(SEED).sample(titles, min(args.title_queries, len(titles)))
    if not texts:
        raise SystemExit(f"no queries: neither {args.questions} nor {args.public} exists")
    encoder = load_encoder("onnx-int8", index_dir / "models")
    return np.ascontiguousarray(encoder.encode(texts), dtype=np.float32), dev_count


# ---------------------------------------------------------------- builds


def _timed_build(build):
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    started = time.perf_counter()
    index = build()
    return index, time.perf_counter() - started


def _flat(xb: np.ndarray) -> faiss.Index:
    index = faiss.IndexFlatIP(xb.shape[1])
    index.add(xb)
    return index


def _hnsw(xb: np.ndarray, m: int, ef_construction: int) -> faiss.Index:
    index = faiss.IndexHNSWFlat(xb.shape[1], m, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = ef_construction
    index.add(xb)
    return index


def _ivf(xb: np.ndarray, nlist: int) -> faiss.Index:
    quantizer = faiss.IndexFlatIP(xb.shape[1])
    index = faiss.IndexIVFFlat(quantizer, xb.shape[1], nlist, faiss.METRIC_INNER_PRODUCT)
    index.cp.seed = SEED
    index.train(xb)
    index.add(xb)
    return index


# ---------------------------------------------------------------- measures


class Context:
    """The data every index is measured on, and flat's answers to compare with."""

    def __init__(self, xb, queries, dev_count, allowed, rescore_rows, repeats):
        self.xb, self.queries, self.dev_count = xb, queries, dev_count
        self.allowed, self.rescore_rows, self.repeats = allowed, rescore_rows, repeats
        self.exact = self.exact10 = self.exact_filtered = None

    def reference(self, flat: faiss.Index) -> None:
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        self.exact = flat.search(self.queries, TOP)[1]
        self.exact_filtered = flat.search(self.queries, TOP, params=faiss.SearchParameters(sel=self._selector()))[1]

    def _selector(self):
        return faiss.IDSelectorBatch(self.allowed)


def _params(kind: str, settings: dict, selector=None):
    if kind == "IndexHNSWFlat":
        return faiss.SearchParametersHNSW(efSearch=settings["efSearch"], sel=selector) if selector else \
            faiss.SearchParametersHNSW(efSearch=settings["efSearch"])
    if kind == "IndexIVFFlat":
        return faiss.SearchParametersIVF(nprobe=settings["nprobe"], sel=selector) if selector else \
            faiss.SearchParametersIVF(nprobe=settings["nprobe"])
    return faiss.SearchParameters(sel=selector) if selector else None


def _measure(kind: str, settings: dict, index: faiss.Index, build_seconds: float, ctx: Context, args) -> dict:
    row = {"index": kind, "params": settings, "build_s": round(build_seconds, 2),
           "bytes": int(faiss.serialize_index(index).size)}
    params = _params(kind, settings)
    # answers, all queries at once (results do not depend on threads)
    found = index.search(ctx.queries, TOP, params=params)[1]
    found10 = index.search(ctx.queries, 10, params=params)[1]
    row["recall@10"] = _recall(found, ctx.exact, 10)
    row["recall@100"] = _recall(found, ctx.exact, TOP)
    row["recall@10_dev"] = _recall(found[: ctx.dev_count], ctx.exact[: ctx.dev_count], 10)
    row["recall@10_k10"] = _recall(found10, ctx.exact, 10)
    row["filled"] = round(float((found >= 0).sum(axis=1).mean()), 1)  # of the 100 asked for
    for threads in (1, 2):
        p50, p95 = _latency(lambda q: index.search(q, TOP, params=params), ctx, threads)
        row[f"p50_ms_{threads}t"], row[f"p95_ms_{threads}t"] = p50, p95
    row["filtered"] = _filtered(kind, settings, index, ctx)
    row["reconstruct"] = _reconstruct(kind, index, ctx)
    _log(args, f"  {kind:13s} {_settings(settings):32s} r@10 {row['recall@10']:.3f} p95 {row['p95_ms_1t']:.2f} ms")
    return row


def _latency(search, ctx: Context, threads: int) -> tuple[float, float]:
    faiss.omp_set_num_threads(threads)
    for q in ctx.queries[:10]:  # warm up
        search(q.reshape(1, -1))
    times = []
    for _ in range(ctx.repeats):
        for q in ctx.queries:
            q = q.reshape(1, -1)
            started = time.perf_counter()
            search(q)
            times.append(time.perf_counter() - started)
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    return _ms(np.percentile(times, 50)), _ms(np.percentile(times, 95))


def _filtered(kind: str, settings: dict, index: faiss.Index, ctx: Context) -> dict:
    """Restrict to ~10% of rows with an IDSelectorBatch built per query, as khub does."""
    out: dict = {}
    try:  # khub's dense_search passes plain SearchParameters
        index.search(ctx.queries[:1], TOP, params=faiss.SearchParameters(sel=ctx._selector()))
        out["plain_params"] = "ok"
    except Exception as error:  # noqa: BLE001 - report what FAISS says
        out["plain_params"] = f"fails: {_reason(error)}"
    try:
        def search(q):
            return index.search(q, TOP, params=_params(kind, settings, faiss.IDSelectorBatch(ctx.allowed)))

        found = np.vstack([search(q.reshape(1, -1))[1] for q in ctx.queries])
    except Exception as error:  # noqa: BLE001
        out["ok"] = False
        out["error"] = _reason(error)
        return out
    allowed = set(ctx.allowed.tolist())
    valid = found >= 0
    out["ok"] = bool(all(int(i) in allowed for i in found[valid]))
    out["filled"] = round(float(valid.sum(axis=1).mean()), 1)
    out["min_filled"] = int(valid.sum(axis=1).min())
    out["recall@10"] = _recall(found, ctx.exact_filtered, 10)
    out["recall@100"] = _recall(found, ctx.exact_filtered, TOP)
    out["p50_ms_1t"], out["p95_ms_1t"] = _latency(search, ctx, 1)
    if kind == "IndexHNSWFlat":  # fallback: exact search of the allowed rows in the graph's flat storage
        storage = faiss.downcast_index(index.storage)

        def exact(q):
            return storage.search(q, TOP, params=faiss.SearchParameters(sel=faiss.IDSelectorBatch(ctx.allowed)))

        found = np.vstack([exact(q.reshape(1, -1))[1] for q in ctx.queries])
        p50, p95 = _latency(exact, ctx, 1)
        out["storage_flat"] = {"recall@10": _recall(found, ctx.exact_filtered, 10),
                               "recall@100": _recall(found, ctx.exact_filtered, TOP),
                               "p50_ms_1t": p50, "p95_ms_1t": p95}
    return out


def _reason(error: Exception) -> str:
    """FAISS's own words, without the C++ signature it puts first."""
    text = str(error).strip().splitlines()[-1]
    return text.rsplit(": ", 1)[-1][:90] if "Error in" in text else text[:90]


def _reconstruct(kind: str, index: faiss.Index, ctx: Context) -> dict:
    out: dict = {}
    try:
        index.reconstruct_batch(ctx.rescore_rows[0])
        out["plain"] = "ok"
    except Exception as error:  # noqa: BLE001
        out["plain"] = f"fails: {_reason(error)}"
        if kind == "IndexIVFFlat":
            before = faiss.serialize_index(index).size
            started = time.perf_counter()
            faiss.extract_index_ivf(index).make_direct_map()
            out["direct_map_s"] = round(time.perf_counter() - started, 3)
            out["direct_map_bytes"] = int(faiss.serialize_index(index).size - before)
    try:
        faiss.omp_set_num_threads(1)
        times, exact = [], True
        for rows in ctx.rescore_rows:
            started = time.perf_counter()
            got = index.reconstruct_batch(rows)
            times.append(time.perf_counter() - started)
            exact = exact and bool(np.array_equal(got, ctx.xb[rows]))
        out["ok"], out["exact"] = True, exact
        out["p50_ms_250"] = _ms(np.percentile(times, 50))
    except Exception as error:  # noqa: BLE001
        out["ok"] = False
        out["error"] = _reason(error)
    finally:
        faiss.omp_set_num_threads(os.cpu_count() or 1)
    return out


def _leads_latency(snapshot: Path, queries: np.ndarray, repeats: int) -> dict:
    """The second dense search of every query: flat over the entry leads."""
    path = snapshot / "leads.faiss"
    if not path.is_file():
        return {}
    leads = faiss.read_index(str(path))
    ctx = Context(None, queries, 0, None, None, repeats)
    out = {"vectors": int(leads.ntotal), "index": type(leads).__name__}
    for threads in (1, 2):
        out[f"p50_ms_{threads}t"], out[f"p95_ms_{threads}t"] = _latency(lambda q: leads.search(q, TOP), ctx, threads)
    return out


def _recall(found: np.ndarray, exact: np.ndarray, k: int) -> float:
    hits = [len(set(f[:k].tolist()) & set(e[:k].tolist()) - {-1}) / max(1, len(set(e[:k].tolist()) - {-1}))
            for f, e in zip(found, exact)]
    return round(float(np.mean(hits)), 4)


def _ms(seconds: float) -> float:
    return round(float(seconds) * 1000, 3)


# ---------------------------------------------------------------- output


def _settings(settings: dict) -> str:
    return " ".join(f"{key}={value}" for key, value in settings.items()) or "(exact)"


def _load(load: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in load)


def _log(args, text: str) -> None:
    print(text, file=sys.stderr if args.json else sys.stdout, flush=True)


def _print_report(report: dict) -> None:
    print()
    print(f"{report['vectors']} vectors x {report['dimension']} ({report['snapshot']}), {report['queries']} queries "
          f"({report['dev_queries']} dev questions), top-{report['top']}, faiss {report['faiss']}, "
          f"{report['cpus']} cpus; load average before {_load(report['load_before'])}, "
          f"after {_load(report['load_after'])}")
    header = (f"{'index':13s} {'params':38s} {'build s':>7s} {'MB':>6s} {'p50 1t':>7s} {'p95 1t':>7s} "
              f"{'p50 2t':>7s} {'p95 2t':>7s} {'r@10':>6s} {'r@100':>6s} {'r@10k10':>7s} {'filled':>6s}")
    print(header)
    print("-" * len(header))
    for row in report["results"]:
        print(f"{row['index']:13s} {_settings(row['params']):38s} {row['build_s']:7.1f} {row['bytes'] / 2**20:6.1f} "
              f"{row['p50_ms_1t']:7.2f} {row['p95_ms_1t']:7.2f} {row['p50_ms_2t']:7.2f} {row['p95_ms_2t']:7.2f} "
              f"{row['recall@10']:6.3f} {row['recall@100']:6.3f} {row['recall@10_k10']:7.3f} {row['filled']:6.1f}")
    print()
    print(f"filtered to {report['filter_rows']} rows (IDSelectorBatch, built per query), top-{report['top']}, "
          f"1 thread; read-back = reconstruct_batch({RESCORE} rows)")
    header = (f"{'index':13s} {'params':38s} {'plain SearchParameters':28s} {'ok':>3s} {'filled':>6s} {'min':>4s} "
              f"{'p50':>7s} {'p95':>7s} {'r@10':>6s} {'r@100':>6s}  read-back")
    print(header)
    print("-" * len(header))
    for row in report["results"]:
        f, r = row["filtered"], row["reconstruct"]
        if r.get("ok"):
            back = f"{'exact' if r['exact'] else 'INEXACT'} {r['p50_ms_250']:.3f} ms"
            if r.get("plain", "ok") != "ok":
                back += f" (needs make_direct_map: +{r['direct_map_bytes'] / 2**20:.1f} MB)"
        else:
            back = f"fails: {r.get('error', '')}"
        if "filled" in f:
            print(f"{row['index']:13s} {_settings(row['params']):38s} {f['plain_params'][:28]:28s} "
                  f"{'yes' if f['ok'] else 'NO':>3s} {f['filled']:6.1f} {f['min_filled']:4d} {f['p50_ms_1t']:7.2f} "
                  f"{f['p95_ms_1t']:7.2f} {f['recall@10']:6.3f} {f['recall@100']:6.3f}  {back}")
        else:
            print(f"{row['index']:13s} {_settings(row['params']):38s} {f['plain_params'][:28]:28s} "
                  f"fails: {f.get('error')}  {back}")
        if "storage_flat" in f:
            s = f["storage_flat"]
            print(f"{'':13s} {'  fallback: exact on index.storage':38s} {'':28s} {'yes':>3s} {'':6s} {'':4s} "
                  f"{s['p50_ms_1t']:7.2f} {s['p95_ms_1t']:7.2f} {s['recall@10']:6.3f} {s['recall@100']:6.3f}")
    leads = report.get("leads")
    if leads:
        print()
        print(f"second dense search, entry leads ({leads['vectors']} vectors, {leads['index']}): p50/p95 "
              f"{leads['p50_ms_1t']:.2f}/{leads['p95_ms_1t']:.2f} ms on 1 thread, "
              f"{leads['p50_ms_2t']:.2f}/{leads['p95_ms_2t']:.2f} ms on 2")


if __name__ == "__main__":
    sys.exit(main())

"""``python -m bench``: every speed figure of khub in one run, as a table or ``--json``.

    python -m bench                               # bundled corpus, public corpus, scaled corpus
    python -m bench --corpora bundled             # the bundled corpus only (no ../shared needed)
    python -m bench --corpora public --skip-langchain --json > report.json
    python -m bench --render report.json          # the table of a saved report
    python -m bench --corpora public,scaled --store /tmp/khub.db   # and a milvus-lite column per corpus

Per corpus: cold ingest (chunks/s, peak RSS), re-ingest with nothing changed and after one edit,
search and diagnose latency (p50/p95/p99, one at a time and 8 at once), time to the first piece of
an answer in the default mode, and the peak memory of a serving process; on the public corpus also
the local model's answers and LangChain's default pipeline on the same files, in the same run.
The scaled corpus (>= 100,000 chunks) is made by bench/scaled_corpus.py from the public entries.

With ``--store URI`` each corpus is also measured on that store (a milvus-lite PATH.db, one file per
corpus, or a Milvus server): ingest, re-ingest and latencies, in a column of its own. Its ingest starts
from the local run's vector cache, so it times writing the store, not encoding (the same on both).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import khub  # noqa: E402,F401
from assistant.evaluate import load_traces  # noqa: E402
from bench import suite  # noqa: E402

PUBLIC = suite.SHARED / "corpus-public" / "entries.jsonl"
QUESTIONS = suite.SHARED / "eval" / "dev" / "questions.jsonl"
DEV_TRACES = suite.SHARED / "eval" / "dev" / "traces.jsonl"
OWN_TRACES = ROOT / "tests" / "traces" / "cases"
FALLBACK_QUERIES = ["how should a single page app store its JWT?", "foreign key constraint fails on insert",
                    "debounce a search input in react", "ModuleNotFoundError inside a virtualenv",
                    "recursive CTE for an org chart", "vector database for recommendations"]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", default="bundled,public,scaled", help="comma-separated: bundled, public, scaled")
    parser.add_argument("--scaled-file", type=Path,
                        help="a scaled corpus made by bench/scaled_corpus.py (else made now)")
    parser.add_argument("--skip-langchain", action="store_true", help="do not run LangChain's pipeline for comparison")
    parser.add_argument("--skip-local-model", action="store_true", help="do not time the local model's answers")
    parser.add_argument("--keep", type=Path, help="keep the indexes built, under this folder; a corpus whose index "
                        "is kept there already is served from it (its ingest not timed again)")
    parser.add_argument("--store", metavar="URI", help="also measure each corpus on this store: a milvus-lite "
                        "PATH.db (one file per corpus is made beside it) or a Milvus server http(s)://host:port")
    parser.add_argument("--sample", type=int, metavar="N", help="time at most N questions and N pastes, spread "
                        "evenly over them (a shorter run; by default all of them, twice)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--render", type=Path, metavar="REPORT",
                        help="print the table of a saved --json report, and stop")
    args = parser.parse_args()
    if args.render:
        print(render(json.loads(args.render.read_text())))
        return
    corpora = [name.strip() for name in args.corpora.split(",") if name.strip()]
    if not PUBLIC.is_file() and set(corpora) - {"bundled"}:
        print(f"note: {PUBLIC} is missing; only the bundled corpus can be measured", file=sys.stderr)
        corpora = ["bundled"]
    work = args.keep or Path(tempfile.mkdtemp(prefix="khub-bench-"))
    try:
        report = run(corpora, work, args)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report, indent=2) if args.json else render(report))


def run(corpora: list[str], work: Path, args) -> dict:
    models = work / "models"
    report = {"machine": _machine(), "model_export_seconds": suite.prepare_models(models), "corpora": {}}
    queries, pastes = _spread(_queries(), args.sample), _spread(_pastes(), args.sample)
    report["inputs"] = {"questions": len(queries), "pastes": len(pastes)}
    for name in corpora:
        paths = _paths(name, work, args.scaled_file)
        if args.keep and (work / name / "index" / "CURRENT").is_file():  # a run's kept index: its ingest not timed
            print(f"[bench] {name}: reusing the index kept in {work / name / 'index'} ...", file=sys.stderr)
            figures = {"ingest": _counts(work / name / "index")}
        else:
            print(f"[bench] {name}: ingesting {', '.join(p.name for p in paths)} ...", file=sys.stderr)
            figures = {"ingest": suite.ingest_figures(paths, work / name, models)}
        figures |= _served_figures(work / name / "index", models, queries, pastes,
                                   local_model=name == "public" and not args.skip_local_model)
        report["corpora"][name] = figures
        if args.store:
            print(f"[bench] {name}: the same on {args.store} ...", file=sys.stderr)
            report["corpora"][f"{name} on {_store_label(args.store)}"] = _store_figures(
                name, paths, work, models, _store_for_corpus(args.store, name), queries, pastes)
        if name == "public" and not args.skip_langchain:
            print("[bench] public: LangChain's default pipeline on the same files ...", file=sys.stderr)
            report["langchain_public"] = suite.langchain_baseline([ROOT / "corpus", PUBLIC])
    report["machine"]["load_average_end"] = round(os.getloadavg()[0], 2)
    return report


def _store_figures(name: str, paths: list[Path], work: Path, models: Path, store: str, queries: list[str],
                   pastes: list[str]) -> dict:
    """Ingest and latencies on another store, its vectors taken from the local run's cache."""
    index_dir = work / f"{name}-store" / "index"
    index_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(work / name / "index" / "vector-cache.sqlite", index_dir / "vector-cache.sqlite")
    figures = {"ingest": suite.ingest_figures(paths, work / f"{name}-store", models, store=store)}
    return figures | _served_figures(index_dir, models, queries, pastes, local_model=False, store=store)


def _counts(index_dir: Path) -> dict:
    """Entries and chunks of a built local index (the ingest figures of an index reused with --keep)."""
    from embeddings.snapshots import store_for
    from khub.settings import Settings

    index = store_for(Settings.from_env(index_dir=index_dir)).open()
    counts = {"entries": len(index.entry_ids), "chunks": len(index.chunk_entry)}
    index.close()
    return counts


def _diagnose(diagnoser, paste: str) -> None:
    """A paste with no error in it is answered too (with a message): its parse is timed like the rest."""
    from assistant.diagnose.paste import PasteError

    try:
        diagnoser.diagnose(paste)
    except PasteError:
        pass


def _store_for_corpus(store: str, name: str) -> str:
    """One milvus-lite file per corpus (x.db -> x-public.db); a server's URI as it is."""
    return f"{store.removesuffix('.db')}-{name}.db" if store.endswith(".db") else store


def _store_label(store: str) -> str:
    return "milvus-lite" if store.endswith(".db") else "Milvus"


def _served_figures(index_dir: Path, models: Path, queries: list[str], pastes: list[str], local_model: bool,
                    store: str | None = None) -> dict:
    from assistant.answer import open_assistant
    from khub.settings import Settings

    settings = Settings.from_env(index_dir=index_dir, models_dir=models, store=store)
    assistant = open_assistant(settings)
    figures = {
        "search_ms": suite.latencies(lambda q: assistant.searcher.search(q, top_k=10), queries),
        "diagnose_ms": suite.latencies(lambda p: _diagnose(assistant.diagnoser, p), pastes),
        "answer_default": suite.answer_figures(assistant, queries, "extractive", limit=30),
    }
    if store is None:  # milvus-lite lets one process at a time open its file: no second server beside this one
        figures["serving"] = suite.serving_rss(index_dir, models, queries, pastes)
    if local_model:
        figures["answer_local_model"] = suite.answer_figures(assistant, queries, "local", limit=10)
    assistant.searcher.index.close()
    return figures


def _paths(name: str, work: Path, scaled_file: Path | None) -> list[Path]:
    if name == "bundled":
        return [ROOT / "corpus"]
    if name == "public":
        return [ROOT / "corpus", PUBLIC]
    if name == "scaled":
        if scaled_file is None:
            scaled_file = work / "scaled.jsonl"
            subprocess.run([sys.executable, str(ROOT / "bench" / "scaled_corpus.py"), "--out", str(scaled_file)],
                           cwd=ROOT, check=True)
        return [ROOT / "corpus", PUBLIC, scaled_file]
    raise SystemExit(f"unknown corpus {name!r}; use bundled, public or scaled")


def _queries() -> list[str]:
    if not QUESTIONS.is_file():
        return FALLBACK_QUERIES
    return [json.loads(line)["query"] for line in QUESTIONS.read_text().splitlines() if line.strip()]


def _spread(inputs: list[str], most: int | None) -> list[str]:
    """At most ``most`` of ``inputs``, evenly spaced, in their order (all of them when ``most`` is None)."""
    if most is None or len(inputs) <= most:
        return inputs
    return [inputs[i * len(inputs) // most] for i in range(most)]


def _pastes() -> list[str]:
    pastes = []
    for path in (DEV_TRACES, OWN_TRACES):
        if path.exists():
            pastes += [trace.text for trace in load_traces(path)]
    return pastes


def _machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "memory_gb": round(
        os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30), "python": platform.python_version(),
        "load_average_start": round(os.getloadavg()[0], 2)}


def render(report: dict) -> str:
    machine = report["machine"]
    lines = [f"machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB; load average "
             f"{machine['load_average_start']} at the start, {machine.get('load_average_end')} at the end",
             f"encoder model export (once per machine): {report['model_export_seconds']} s"]
    if "inputs" in report:
        lines.append(f"timed: {report['inputs']['questions']} questions, {report['inputs']['pastes']} pastes")
    lines.append("")
    names = list(report["corpora"])
    rows = [
        ("entries / chunks", lambda f: f"{f['ingest']['entries']:,} / {f['ingest']['chunks']:,}"),
        ("cold ingest",
         lambda f: f"{f['ingest']['cold']['seconds']} s, {f['ingest']['cold']['chunks_per_second']} chunks/s"),
        ("cold ingest peak RSS", lambda f: f"{f['ingest']['cold']['peak_rss_mb']} MB"),
        ("re-ingest, no change", lambda f: f"{f['ingest']['no_change']['seconds']} s"),
        ("re-ingest, one edit",
         lambda f: f"{f['ingest']['one_edit']['seconds']} s ({f['ingest']['one_edit']['encoded']} encoded)"),
        ("search p50/p95/p99 ms", lambda f: _triple(f["search_ms"]["single"])),
        ("search, 8 at once", lambda f: _triple(f["search_ms"]["concurrent_8"])),
        ("diagnose p50/p95/p99 ms", lambda f: _triple(f["diagnose_ms"]["single"])),
        ("diagnose, 8 at once", lambda f: _triple(f["diagnose_ms"]["concurrent_8"])),
        ("answer first piece (default)", lambda f: f"{f['answer_default']['first_piece_p50_s']} s p50, "
                                                   f"{f['answer_default']['first_piece_p95_s']} s p95"),
        ("serving peak RSS", lambda f: f"{f['serving']['peak_rss_mb']} MB" if "serving" in f else "-"),
    ]
    width = max(len(label) for label, _ in rows) + 2
    lines.append(" " * width + "".join(f"{name[-33:]:>34}" for name in names))
    for label, cell in rows:
        lines.append(f"{label:<{width}}" + "".join(f"{_cell(cell, report['corpora'][n]):>34}" for n in names))
    public = report["corpora"].get("public", {})
    if "answer_local_model" in public:
        local = public["answer_local_model"]
        lines.append(f"\nlocal model answers (public corpus): first token {local['first_piece_p50_s']} s p50, "
                     f"{local['first_piece_p95_s']} s p95; {local['pieces_per_second']} tokens/s")
    chain = report.get("langchain_public")
    if chain and "seconds" in chain and public:
        ours = public["ingest"]["cold"]["seconds"]
        lines.append(f"LangChain default pipeline, same files and model, same run: {chain['chunks']:,} chunks in "
                     f"{chain['seconds']:.0f} s; khub {public['ingest']['chunks']:,} chunks in {ours:.0f} s: "
                     f"{chain['seconds'] / ours:.1f}x faster")
    elif chain:
        lines.append(f"LangChain baseline failed: {chain.get('error', '')[:200]}")
    return "\n".join(lines)


def _cell(cell, figures: dict) -> str:
    """One cell of the table; "-" for a figure the run did not take (an ingest reused with --keep)."""
    try:
        return cell(figures)
    except KeyError:
        return "-"


def _triple(figures: dict) -> str:
    return f"{figures['p50']} / {figures['p95']} / {figures['p99']}"


if __name__ == "__main__":
    main()

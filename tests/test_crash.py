"""A kill -9 at any moment of an ingest leaves the previous index serving; the next ingest completes."""

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.search import open_searcher
from embeddings.index import open_index
from embeddings.pipeline import run_ingest
from khub.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("cache index query latency shard replica queue retry token schema migration deploy rollback "
         "thread lock buffer socket parser compiler module package router handler session cookie").split()


def synthetic_archive(folder: Path, entries: int = 120) -> Path:
    """Entries with varied, deterministic text: enough encoding work to be killed in the middle."""
    rng = random.Random(7)
    for n in range(entries):
        paragraphs = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(60)) + "." for _ in range(4))
        path = folder / f"entry-{n:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\nid: article/synthetic-{n}\nkind: article\ntitle: Note {n} on "
                        f"{rng.choice(WORDS)}\n---\n{paragraphs}\n\n## Details\n{paragraphs}\n")
    return folder


def start_ingest(archive: Path, settings: Settings) -> subprocess.Popen:
    env = {"KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(settings.model_cache_dir),
           "PATH": "/usr/bin:/bin", "HOME": str(settings.index_dir.parent)}
    return subprocess.Popen([sys.executable, "-m", "khub", "ingest", str(archive), "--json"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("trials", [3, pytest.param(20, marks=pytest.mark.slow)])
def test_kill_9_during_ingest_keeps_the_previous_index(archive, tmp_path, settings, trials):
    run_ingest([archive], settings)  # the previous index: the tiny archive
    old_ids = set(open_index(settings.index_dir).entry_ids)
    big = synthetic_archive(tmp_path / "big")
    base = tmp_path / "base-index"
    shutil.copytree(settings.index_dir, base)

    started = time.perf_counter()
    assert start_ingest(big, settings).wait(timeout=600) == 0
    full_run = time.perf_counter() - started
    new_ids = set(open_index(settings.index_dir).entry_ids)

    rng = random.Random(11)
    for trial in range(trials):
        shutil.rmtree(settings.index_dir)
        shutil.copytree(base, settings.index_dir)
        process = start_ingest(big, settings)
        time.sleep(rng.uniform(0.2, full_run))  # anywhere from start-up through encoding to the swap
        process.send_signal(signal.SIGKILL)
        process.wait()

        searcher = open_searcher(settings)  # loads, whatever moment the kill hit
        assert set(searcher.index.entry_ids) in (old_ids, new_ids), f"trial {trial}: a mix of two archives"
        assert searcher.search("foreign key constraint", top_k=3) != []
        searcher.index.close()

        finished = run_ingest([big], settings)  # the next ingest completes and reuses what was encoded
        assert set(open_index(settings.index_dir).entry_ids) == new_ids
        assert finished.report.chunks_encoded <= finished.report.chunks

"""The Milvus store (embedded milvus-lite from a .db path) behind the same storage seam as the local one.

Needs the optional extra (pip install -e '.[milvus]'); skips without it. ``.ci/run`` installs it.
"""

from __future__ import annotations

import contextlib
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import postgres_server
import pytest
from khub_cli import khub_cli
from test_crash import synthetic_archive

pytest.importorskip("milvus_lite", reason="the Milvus store needs the extra: pip install -e '.[milvus]'")

from assistant.diagnose import open_diagnoser  # noqa: E402
from assistant.search import open_searcher  # noqa: E402
from embeddings.milvus_store import MilvusStore  # noqa: E402
from embeddings.pipeline import run_ingest  # noqa: E402
from embeddings.snapshots import store_for  # noqa: E402
from ingest.load import load_corpus  # noqa: E402
from khub.errors import ConfigError  # noqa: E402
from khub.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def milvus_settings(index_dir: Path, models_dir: Path, **more) -> Settings:
    return Settings(index_dir=index_dir, corpus_dir=ROOT / "corpus", models_dir=models_dir,
                    store=str(index_dir / "khub.db"), **more)


def closed(settings: Settings) -> None:
    """Let go of the milvus-lite file (one process at a time may hold it)."""
    store = store_for(settings)
    assert isinstance(store, MilvusStore)
    store.close()


@pytest.fixture(scope="module")
def milvus(tmp_path_factory, bundled_settings):
    """The bundled corpus in milvus-lite; the local index's vector cache spares re-encoding."""
    index_dir = tmp_path_factory.mktemp("milvus") / "index"
    index_dir.mkdir()
    shutil.copy(bundled_settings.index_dir / "vector-cache.sqlite", index_dir / "vector-cache.sqlite")
    settings = milvus_settings(index_dir, bundled_settings.models_dir)
    report = run_ingest([], settings, strict=True).report
    assert report.chunks_encoded == 0 and report.entries > 0
    yield settings
    closed(settings)


def test_the_milvus_store_is_a_store_and_its_reader_an_index_reader(milvus):
    from embeddings.milvus_reader import MilvusIndex
    from embeddings.storage import IndexReader, Store

    data = {"manifest", "entry_ids", "chunk_entry"}  # set per snapshot, in __init__
    for protocol, implementation in ((Store, MilvusStore), (IndexReader, MilvusIndex)):
        wanted = {name for name in vars(protocol) if not name.startswith("_")} - data
        assert wanted and wanted <= set(dir(implementation)), wanted - set(dir(implementation))
    store = store_for(milvus)
    reader = store.open()
    assert isinstance(store, MilvusStore) and isinstance(reader, MilvusIndex)
    assert store.live_version() == reader.version and {"manifest", "entry_ids", "chunk_entry"} <= set(vars(reader))


def test_every_entry_and_its_chunks_come_back_whole(milvus, bundled_settings):
    local, remote = store_for(bundled_settings).open(), store_for(milvus).open()
    assert remote.entry_ids == local.entry_ids
    assert list(remote.chunk_entry) == list(local.chunk_entry)
    for entry_id in local.entry_ids:
        assert remote.entry(entry_id) == local.entry(entry_id)
        assert remote.entry_passages(entry_id) == local.entry_passages(entry_id)
    assert remote.error_rows() == local.error_rows()
    assert remote.entry_topics() == local.entry_topics()
    vids = list(range(len(local.chunk_entry)))
    assert abs(remote.chunk_vectors(vids) - local.chunk_vectors(vids)).max() < 1e-6


def test_search_and_diagnosis_find_what_the_local_store_finds(milvus, bundled_settings):
    """Each entry's own title, asked of both stores, comes back first from both."""
    entries = load_corpus([ROOT / "corpus"]).entries
    on_local, on_milvus = open_searcher(bundled_settings), open_searcher(milvus)
    for entry in entries:
        local = [hit.passage.entry_id for hit in on_local.search(entry.title, top_k=3)]
        remote = [hit.passage.entry_id for hit in on_milvus.search(entry.title, top_k=3)]
        assert remote[:1] == local[:1], entry.title
    local_diagnoser, milvus_diagnoser = open_diagnoser(bundled_settings), open_diagnoser(milvus)
    for entry in entries:
        if entry.error_message:
            local = local_diagnoser.diagnose(entry.error_message).hits
            remote = milvus_diagnoser.diagnose(entry.error_message).hits
            assert [h.entry_id for h in remote[:1]] == [h.entry_id for h in local[:1]], entry.error_message


def test_filters_reach_milvus(milvus):
    searcher = open_searcher(milvus)
    from embeddings.query import Filters

    hits = searcher.search("how do I handle errors", top_k=10, filters=Filters(kind="snippet"))
    assert hits and {hit.passage.kind for hit in hits} == {"snippet"}


def test_a_reingest_encodes_only_what_changed_and_switches_generation(tmp_path, milvus):
    settings = milvus_settings(tmp_path / "index", milvus.models_dir)
    settings.index_dir.mkdir()
    shutil.copy(milvus.index_dir / "vector-cache.sqlite", settings.index_dir / "vector-cache.sqlite")
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    first = run_ingest([corpus], settings).report
    store = store_for(settings)
    before = store.live_version()
    assert run_ingest([corpus], settings).report.up_to_date and store.live_version() == before

    changed = next(path for path in sorted(corpus.rglob("*.md"))
                   if path.read_text(encoding="utf-8").startswith("---"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA closing paragraph about zebra caching.\n",
                       encoding="utf-8")
    report = run_ingest([corpus], settings).report
    assert len(report.changed) == 1 and 0 < report.chunks_encoded < first.chunks
    assert store.live_version() != before
    reader = store.open()  # the new generation, served
    assert "zebra caching" in reader.entry(report.changed[0]).body
    assert list(reader.bm25_entries("zebra")) == [reader.position(report.changed[0])]
    assert len(store._generations()) == 2  # the live one and the one before it
    store.close()


def start_ingest(archive: Path, settings: Settings) -> subprocess.Popen:
    env = {"KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(settings.model_cache_dir),
           "KHUB_STORE": settings.store, "PATH": "/usr/bin:/bin", "HOME": str(settings.index_dir.parent)}
    return subprocess.Popen([sys.executable, "-m", "khub", "ingest", str(archive), "--json"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("trials", [3, pytest.param(8, marks=pytest.mark.slow)])
def test_kill_9_during_a_milvus_ingest_keeps_the_previous_data_serving(archive, tmp_path, models_dir, encoder,
                                                                        trials):
    settings = milvus_settings(tmp_path / "index", models_dir)
    run_ingest([archive], settings)  # the previous data: the tiny archive
    old_ids = set(store_for(settings).open().entry_ids)
    closed(settings)
    big = synthetic_archive(tmp_path / "big")
    base = tmp_path / "base-index"
    shutil.copytree(settings.index_dir, base)

    started = time.perf_counter()
    assert start_ingest(big, settings).wait(timeout=600) == 0
    full_run = time.perf_counter() - started
    new_ids = set(store_for(settings).open().entry_ids)
    closed(settings)

    rng = random.Random(11)
    for trial in range(trials):
        shutil.rmtree(settings.index_dir)
        shutil.copytree(base, settings.index_dir)
        process = start_ingest(big, settings)
        time.sleep(rng.uniform(0.2, full_run))  # from start-up through encoding and writing to the switch
        process.send_signal(signal.SIGKILL)
        process.wait()

        searcher = open_searcher(settings)  # opens, whatever moment the kill hit
        assert set(searcher.index.entry_ids) in (old_ids, new_ids), f"trial {trial}: a mix of two archives"
        assert searcher.search("foreign key constraint", top_k=3) != []
        finished = run_ingest([big], settings)  # the next ingest completes, over what the kill left
        assert set(store_for(settings).open().entry_ids) == new_ids
        assert finished.report.chunks_encoded <= finished.report.chunks
        assert len(store_for(settings)._generations()) <= 2  # a half-written generation was dropped
        closed(settings)


def test_the_cli_takes_store_and_says_what_a_bad_one_is(milvus):
    khub = khub_cli(milvus)
    result = khub("search", "--store", milvus.store, "debounce a search box", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["hits"]
    bad = khub("search", "--store", "milvus.sqlite", "anything")
    assert bad.exit_code != 0 and ".db" in bad.output and "http://" in bad.output
    closed(milvus)


def test_an_unreachable_server_is_a_clear_error(tmp_path):
    settings = Settings(index_dir=tmp_path / "index", store="http://127.0.0.1:9")
    with pytest.raises(ConfigError, match="cannot reach Milvus at http://127.0.0.1:9"):
        store_for(settings).exists()


# --- stateless replicas: one Milvus server, one PostgreSQL ------------------------------------------


@contextlib.contextmanager
def milvus_server(data_dir: Path, log_path: Path):
    """A Milvus server on loopback (milvus-lite's gRPC server, which a Milvus cluster would replace); yields its URI."""
    from bench.suite import free_port, wait_for_server

    port = free_port()
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(data_dir),
                                    "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
        try:
            try:
                wait_for_server(port, process, seconds=60)
            except RuntimeError as exc:
                raise AssertionError(f"{exc}:\n{log_path.read_text()}") from None
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_two_replicas_on_one_milvus_server_and_one_postgresql_share_the_index_and_the_reviews(
        tmp_path, bundled_settings):
    from gradio_client import Client
    from test_web import REVIEWER, khub_serving

    from ui.reviews import ReviewStore

    with contextlib.ExitStack() as stack:
        database = stack.enter_context(postgres_server.fresh_database())  # skips without a PostgreSQL
        uri = stack.enter_context(milvus_server(tmp_path / "milvus", tmp_path / "milvus.log"))
        ingest_dir = tmp_path / "ingest" / "index"  # where the ingest ran: its vector cache and lock only
        ingest_dir.mkdir(parents=True)
        shutil.copy(bundled_settings.index_dir / "vector-cache.sqlite", ingest_dir / "vector-cache.sqlite")
        ingested = khub_cli(bundled_settings)("ingest", "--store", uri, "--json", KHUB_INDEX_DIR=str(ingest_dir))
        assert ingested.exit_code == 0, ingested.output

        def replica(name: str) -> str:
            """A `khub serve` with a folder of its own, empty: everything it serves is on the two servers."""
            env = {"KHUB_STORE": uri, "KHUB_REVIEW_DB": database, "KHUB_INDEX_DIR": str(tmp_path / name / "index"),
                   "KHUB_MODELS_DIR": str(bundled_settings.models_dir),
                   "KHUB_REVIEW_USER": REVIEWER[0], "KHUB_REVIEW_PASSWORD": REVIEWER[1]}
            return stack.enter_context(khub_serving(env, tmp_path / f"{name}.log"))

        a, b = Client(replica("a"), verbose=False), Client(replica("b"), verbose=False)
        query = "foreign key constraint fails on insert"
        found_a, found_b = a.predict(query, api_name="/search"), b.predict(query, api_name="/search")
        assert found_a["hits"] and found_a["hits"] == found_b["hits"]

        question = "What is a recursive CTE for a category tree?"
        asked = a.predict(question, api_name="/ask")
        assert asked["answer_id"] and asked["mentor_verdict"] is None
        ReviewStore(database).review(asked["answer_id"], "needs_fix", "add the cycle guard", reviewer=REVIEWER[0])
        again = b.predict(question, api_name="/ask")
        assert again["mentor_verdict"]["answer_id"] == asked["answer_id"]
        assert again["mentor_verdict"]["verdict"] == "needs_fix"
        assert again["answer_id"] not in (None, asked["answer_id"])  # B wrote its own answer to the same table
        for name in ("a", "b"):  # nothing of the index or the reviews in a replica's own folder
            assert not {"snapshots", "reviews.sqlite"} & {p.name for p in (tmp_path / name / "index").glob("*")}

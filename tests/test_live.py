"""The running app follows the live index: a snapshot another process makes live is served within seconds,
without a restart; the Learn tab's paths follow it; a snapshot that cannot be opened is refused and the
one served keeps serving."""

from __future__ import annotations

import json
import logging
import shutil
import threading
import time

from archives import write_archive
from test_web import free_port

from assistant.paths import milestone_cache
from embeddings.database import FILE_NAME as DATABASE_FILE
from embeddings.manifest import FILE_NAME as MANIFEST_FILE
from embeddings.pipeline import run_ingest
from embeddings.store import IndexStore
from ui.live import THREAD_NAME, LiveIndexFollower
from ui.server import open_services, serve
from ui.tabs.learn import ServedPaths

WITHIN = 10.0  # seconds; the follower polls every second
POOLS = """---
id: qa/pools
kind: qa
title: How large should a database connection pool be?
level: mid
tags: [database, connection-pool]
---
Keep the pool small: a few connections per core, measured under load; a larger pool only queues work in the database.
"""
PATH = """---
id: path/{name}
kind: path
title: {title}
level: junior
---
A short road through the archive.

## Milestones

{milestones}
"""
TOKENS = "1. **Keeping tokens safe.** Where a single page app keeps its access token, and why not localStorage."
THREADS = "2. **Threads and the GIL.** Why Python threads do not speed up CPU-bound work."
DEBOUNCE = "3. **Debouncing events.** Debounce a function in JavaScript until the input is quiet."


def eventually(check, within: float = WITHIN) -> None:
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, f"not within {within} s"
        time.sleep(0.2)


def found(services, query: str) -> list[str]:
    return [hit.passage.entry_id for hit in services.searcher.search(query, top_k=3)]


def following() -> bool:
    return any(thread.name == THREAD_NAME and thread.is_alive() for thread in threading.enumerate())


def test_the_served_app_finds_an_entry_another_ingest_made_live_and_stops_following_when_closed(archive, settings):
    run_ingest([archive], settings)
    services = open_services(settings)
    app = serve(services, "127.0.0.1", free_port(), block=False)
    try:
        assert following()
        before = services.searcher
        assert "qa/pools" not in found(services, "database connection pool size")
        (archive / "qa" / "pools.md").write_text(POOLS, encoding="utf-8")
        run_ingest([archive], settings)  # what khub ingest (or --watch) does in another process

        eventually(lambda: found(services, "database connection pool size")[:1] == ["qa/pools"])
        assert services.searcher.encode_query is before.encode_query  # the loaded model, not a new one
        assert services.assistant.searcher is services.searcher is services.diagnoser.searcher
        assert before.search("access token localStorage", top_k=1)  # a request on the old snapshot finishes
    finally:
        app.close()
    eventually(lambda: not following())


def test_the_learn_tabs_paths_are_read_again_from_each_new_snapshot(tmp_path, settings):
    archive = write_archive(tmp_path / "archive")
    road = archive / "path" / "road.md"
    road.parent.mkdir()
    road.write_text(PATH.format(name="road", title="A first road", milestones=f"{TOKENS}\n{THREADS}"))
    run_ingest([archive], settings, derive=milestone_cache(settings))
    services = open_services(settings)
    served = ServedPaths(services)
    first = served.now()
    assert [path.path_id for path in first.outlines] == ["path/road"]
    assert [step.entries[0] for step in first.opened("path/road").steps] == ["qa/jwt-storage", "qa/python-gil"]

    road.write_text(PATH.format(name="road", title="A first road", milestones=f"{TOKENS}\n{THREADS}\n{DEBOUNCE}"))
    (archive / "path" / "next.md").write_text(PATH.format(name="next", title="The next road", milestones=THREADS))
    run_ingest([archive], settings, derive=milestone_cache(settings))
    assert served.now() is first  # the app still serves the old snapshot, so its reads still hold

    assert LiveIndexFollower(services, settings).check()
    now = served.now()
    assert [path.path_id for path in now.outlines] == ["path/next", "path/road"]
    steps = now.opened("path/road").steps
    assert [step.milestone.title for step in steps] == ["Keeping tokens safe", "Threads and the GIL",
                                                        "Debouncing events"]
    assert steps[2].entries[0] == "snippet/debounce" and "Debounce a function in JavaScript" in now.cards(steps[2])


def test_a_damaged_or_mismatched_snapshot_is_refused_once_and_the_served_one_keeps_serving(
        archive, settings, tmp_path, caplog):
    run_ingest([archive], settings)
    services = open_services(settings)
    served = services.searcher
    follower = LiveIndexFollower(services, settings)
    store = IndexStore(settings.index_dir)
    pristine = shutil.copytree(store.current(), tmp_path / "pristine")

    def publish(damage=lambda folder: None) -> str:
        build = store.new_build()
        shutil.copytree(pristine, build, dirs_exist_ok=True)
        damage(build)
        return store.publish(build).name

    def other_model(folder):
        manifest = json.loads((folder / MANIFEST_FILE).read_text())
        (folder / MANIFEST_FILE).write_text(json.dumps(manifest | {"model_id": "another-model"}))

    caplog.set_level(logging.WARNING, logger="khub.live")
    damaged = publish(lambda folder: (folder / DATABASE_FILE).write_bytes(b"not a database" * 100))
    assert not follower.check() and not follower.check()
    assert services.searcher is served and found(services, "access token localStorage")[:1] == ["qa/jwt-storage"]
    assert len(caplog.records) == 1  # logged once, naming the snapshot and what to do
    assert damaged in caplog.text and DATABASE_FILE in caplog.text and "khub ingest --rebuild" in caplog.text

    mismatched = publish(other_model)
    assert not follower.check() and services.searcher is served
    assert "another-model" in caplog.text and "restart khub serve" in caplog.text and mismatched in caplog.text

    intact = publish()
    assert follower.check() and services.searcher.index.version == intact
    assert found(services, "access token localStorage")[:1] == ["qa/jwt-storage"]
    assert len(caplog.records) == 2

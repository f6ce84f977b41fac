"""The Milvus store: the index in Milvus collections, embedded (milvus-lite, a ``.db`` path) or on a
server or cluster (``http(s)://host:port``), behind the same ``Store`` protocol as the local snapshots.

An update diffs against the live generation and encodes only new text, as the local store does
(embeddings/build.py ``prepare_update``), writes a whole new generation of collections
(embeddings/milvus_schema.py), and only then switches the one alias that names the live generation.
A killed ingest leaves its half-written collections unnamed by the alias, so the previous generation
keeps serving; the next ingest drops them.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from filelock import FileLock, Timeout

from embeddings.build import CACHE_FILE, Update, new_manifest, prepare_update
from embeddings.manifest import REBUILD, Manifest
from embeddings.milvus_reader import MilvusIndex
from embeddings.milvus_schema import chunk_rows, collection_names, create_collections, entry_rows, insert_all, meta_rows
from embeddings.model import DIMENSION
from embeddings.storage import BuildPlan, BuildReport, Derive, Progress
from ingest.entry import Entry
from khub.errors import ConfigError, IndexUnavailableError, KhubError

PREFIX = "khub"
MANIFEST = "manifest.json"
KEEP_GENERATIONS = 2  # the live one and the one before it, for readers that still have it open
CONNECT_SECONDS = 10


class MilvusStore:
    """The index in Milvus at ``uri``; the vector cache and the ingest lock stay in ``index_dir``."""

    def __init__(self, uri: str, index_dir: Path, token: str | None = None, prefix: str = PREFIX):
        self.uri = uri
        self.index_dir = Path(index_dir)
        self.token = token
        self.prefix = prefix
        self.alias = f"{prefix}_live"
        self._client = None

    @property
    def client(self):
        if self._client is None:
            self._client = connect(self.uri, self.token)
        return self._client

    def close(self) -> None:
        """Let go of the connection; for milvus-lite, also of the file, so another process may open it."""
        if self._client is not None:
            self._client.close()
            self._client = None
        if self.uri.endswith(".db"):
            from milvus_lite.server_manager import server_manager_instance

            server_manager_instance.release_server(self.uri)

    def exists(self) -> bool:
        return self.live_version() is not None

    def live_version(self) -> str | None:
        """The live generation, from the alias (one small request)."""
        if self.alias not in self.client.list_aliases().get("aliases", []):
            return None
        collection = self.client.describe_alias(self.alias)["collection_name"]
        return collection.removeprefix(f"{self.prefix}_").removesuffix("_meta")

    def open(self) -> MilvusIndex:
        generation = self.live_version()
        if generation is None:
            raise IndexUnavailableError(f"no index in Milvus at {self.uri}; build it with: "
                                        f"khub ingest --store {self.uri}")
        return self._open(generation)

    def _open(self, generation: str) -> MilvusIndex:
        names = collection_names(self.prefix, generation)
        self.client.load_collection(names["meta"])
        rows = self.client.get(names["meta"], ids=[MANIFEST], output_fields=["name", "text"])
        if not rows:
            raise IndexUnavailableError(f"generation {generation} in Milvus at {self.uri} has no manifest; {REBUILD}")
        manifest = Manifest.parse("".join(rows[0]["text"]), f"{self.uri} ({generation})")
        return MilvusIndex(self.client, self.prefix, generation, manifest)

    def update(self, entries: Sequence[Entry], plan: BuildPlan, *, sources: Sequence[str] = (),
               rebuild: bool = False, progress: Progress | None = None, derive: Derive | None = None) -> BuildReport:
        started = time.perf_counter()
        self.index_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.index_dir / ".ingest.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout as exc:
            raise ConfigError(f"another khub ingest is writing through {self.index_dir}; "
                              "wait for it to finish") from exc
        try:
            previous = self._previous()
            update = prepare_update(previous, entries, plan, self.index_dir / CACHE_FILE, rebuild=rebuild,
                                    progress=progress)
            if update.chunks is not None:
                update.report.snapshot = self._write(entries, update, plan, sources, derive)
        finally:
            lock.release()
        update.report.seconds = time.perf_counter() - started
        return update.report

    def _previous(self) -> MilvusIndex | None:
        try:
            return self.open() if self.exists() else None
        except KhubError:  # damaged or from another format version: build afresh beside it
            return None

    def _write(self, entries: Sequence[Entry], update: Update, plan: BuildPlan, sources: Sequence[str],
               derive: Derive | None) -> str:
        """Write a new generation, then make it live by switching the alias; returns its name."""
        assert update.chunks is not None
        self._drop_unnamed()
        generation = time.strftime("g%Y%m%d_%H%M%S") + f"_{uuid.uuid4().hex[:6]}"
        names = collection_names(self.prefix, generation)
        create_collections(self.client, names, DIMENSION)
        insert_all(self.client, names["entries"], entry_rows(entries, update.lead_matrix))
        insert_all(self.client, names["chunks"], chunk_rows(entries, update.chunks, update.chunk_matrix))
        manifest = new_manifest(entries, update, plan, sources, "milvus FLAT")
        insert_all(self.client, names["meta"], meta_rows({MANIFEST: json.dumps(asdict(manifest), indent=2)}))
        if derive is not None:
            files = dict(derive(self._open(generation)))
            if MANIFEST in files:
                raise ValueError(f"a derived file cannot be named {MANIFEST}")
            insert_all(self.client, names["meta"], meta_rows(files))
        if self.exists():
            self.client.alter_alias(names["meta"], self.alias)
        else:
            self.client.create_alias(names["meta"], self.alias)
        self._drop_old(keep=generation)
        return generation

    def _generations(self) -> list[str]:
        """Every generation that has collections, oldest first (names sort by time)."""
        start = f"{self.prefix}_g"
        found = {name.removeprefix(f"{self.prefix}_").rsplit("_", 1)[0]
                 for name in self.client.list_collections() if name.startswith(start)}
        return sorted(found)

    def _drop_unnamed(self) -> None:
        """Drop generations newer than the live one: what an interrupted ingest left half-written."""
        live = self.live_version()
        for generation in self._generations():
            if live is None or generation > live:
                self._drop(generation)

    def _drop_old(self, keep: str) -> None:
        older = [generation for generation in self._generations() if generation < keep]
        for generation in older[: len(older) - (KEEP_GENERATIONS - 1)]:
            self._drop(generation)

    def _drop(self, generation: str) -> None:
        for name in collection_names(self.prefix, generation).values():
            if self.client.has_collection(name):
                self.client.drop_collection(name)


def connect(uri: str, token: str | None):
    """A client for ``uri``, or a message that says what to do."""
    try:
        from pymilvus import MilvusClient
    except ImportError as exc:
        raise ConfigError("the Milvus store needs pymilvus and milvus-lite: pip install -e '.[milvus]'") from exc
    if uri.endswith(".db"):
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
        # milvus-lite serves gRPC from threads in this process, and logs a traceback for each call it does
        # not implement (pymilvus asks for a timestamp while waiting for an index, then carries on).
        logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
    try:
        return MilvusClient(uri=uri, token=token or "", timeout=CONNECT_SECONDS)
    except Exception as exc:  # noqa: BLE001 - pymilvus and milvus-lite raise many kinds; all mean "cannot open"
        if "lock" in str(exc).lower():
            raise ConfigError(f"{uri} is open in another process (milvus-lite allows one process per file): "
                              "stop that khub serve or ingest first, or use a Milvus server (http://host:19530) "
                              "for several processes") from exc
        raise ConfigError(f"cannot reach Milvus at {uri} ({exc}); start it, or check KHUB_STORE / --store "
                          "(and KHUB_MILVUS_TOKEN)") from exc

"""The local store: snapshots of FAISS files beside a SQLite database, in one folder.

Writing is embeddings/build.py (a new snapshot, published by an atomic swap: embeddings/store.py);
reading is embeddings/index.py. This class puts the two behind the ``Store`` protocol.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from embeddings.build import update_index
from embeddings.index import Index, open_index
from embeddings.storage import BuildPlan, BuildReport, Derive, Progress, Store
from embeddings.store import IndexStore
from ingest.entry import Entry
from khub.settings import Settings


class LocalStore:
    """The index under one folder (``--index-dir``, KHUB_INDEX_DIR)."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def exists(self) -> bool:
        return IndexStore(self.root).current() is not None

    def open(self) -> Index:
        return open_index(self.root)

    def live_version(self) -> str | None:
        folder = IndexStore(self.root).current()
        return folder.name if folder else None

    def update(self, entries: Sequence[Entry], plan: BuildPlan, *, sources: Sequence[str] = (),
               rebuild: bool = False, progress: Progress | None = None, derive: Derive | None = None) -> BuildReport:
        return update_index(self.root, entries, plan, sources=sources, rebuild=rebuild, progress=progress,
                            derive=derive)


def open_store(index_dir: Path) -> Store:
    """The local snapshots under ``index_dir``."""
    return LocalStore(index_dir)


def store_for(settings: Settings) -> Store:
    """The store the settings name (KHUB_STORE, ``--store``): the local snapshots under the index folder,
    or Milvus, embedded from a .db file or on a server (embeddings/milvus_store.py)."""
    if settings.store == "local":
        return LocalStore(settings.index_dir)
    token = settings.milvus_token.get_secret_value() if settings.milvus_token else None
    return _milvus_store(settings.store, settings.index_dir, token)


@functools.lru_cache(maxsize=8)
def _milvus_store(uri: str, index_dir: Path, token: str | None) -> Store:
    """One store (one connection) per Milvus per process: the app asks for the live generation every second."""
    from embeddings.milvus_store import MilvusStore  # pymilvus is an optional dependency

    return MilvusStore(uri, index_dir, token=token)

"""Where index snapshots live, and the atomic swap that makes a new one live.

    <index dir>/
        CURRENT                  name of the live snapshot (replaced atomically)
        snapshots/<name>/        manifest.json, khub.sqlite, vectors.faiss
        snapshots/.build-*/      a build in progress (deleted if found after a crash)
        vector-cache.sqlite      vectors by (model, text hash), shared by all builds
        models/                  encoder files derived from the packaged weights
        .ingest.lock             held while an ingest runs

A new snapshot is written beside the live one and becomes live by one ``os.replace`` of
CURRENT, so a reader, or a kill -9 at any moment, only ever sees a complete snapshot.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from khub.errors import ConfigError

POINTER = "CURRENT"
SNAPSHOTS = "snapshots"
BUILD_PREFIX = ".build-"
KEEP_SNAPSHOTS = 2  # the live one and the one before it, for readers that still have it open


class IndexStore:
    """The snapshots in one index directory."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.snapshots = self.root / SNAPSHOTS

    def current(self) -> Path | None:
        """The live snapshot's folder, or None when no index was ever published."""
        try:
            name = (self.root / POINTER).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        folder = self.snapshots / name
        return folder if name and folder.is_dir() else None

    @contextmanager
    def writing(self):
        """Hold the ingest lock; clear builds that a crashed ingest left behind."""
        self.snapshots.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.root / ".ingest.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout as exc:
            raise ConfigError(f"another khub ingest is writing {self.root}; wait for it to finish, "
                              "or use another --index-dir") from exc
        try:
            for stale in self.snapshots.glob(BUILD_PREFIX + "*"):
                shutil.rmtree(stale, ignore_errors=True)
            yield self
        finally:
            lock.release()

    def new_build(self) -> Path:
        """An empty folder for a snapshot under construction (invisible to readers)."""
        folder = self.snapshots / f"{BUILD_PREFIX}{uuid.uuid4().hex[:12]}"
        folder.mkdir(parents=True)
        return folder

    def publish(self, build: Path) -> Path:
        """Make ``build`` the live snapshot: flush it, name it, swap CURRENT, drop old snapshots."""
        for path in build.iterdir():
            _fsync(path)
        name = time.strftime("%Y%m%d-%H%M%S") + f"-{uuid.uuid4().hex[:6]}"
        final = self.snapshots / name
        os.rename(build, final)
        _fsync(self.snapshots)
        pointer = self.root / f".{POINTER}.{uuid.uuid4().hex[:6]}"
        pointer.write_text(name + "\n", encoding="utf-8")
        _fsync(pointer)
        os.replace(pointer, self.root / POINTER)
        _fsync(self.root)
        self._drop_old(keep=final)
        return final

    def _drop_old(self, keep: Path) -> None:
        snapshots = sorted(
            (path for path in self.snapshots.iterdir() if path.is_dir() and not path.name.startswith(".")),
            key=lambda path: path.name,
        )
        older = [path for path in snapshots if path != keep][: -(KEEP_SNAPSHOTS - 1) or None]
        for path in older:
            shutil.rmtree(path, ignore_errors=True)


def _fsync(path: Path) -> None:
    """Flush a file or folder to disk, so a crash cannot publish a half-written snapshot."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        descriptor = os.open(path, flags)
    except OSError:  # folders cannot be opened on some platforms; nothing to flush there
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)

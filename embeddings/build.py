"""Build or update the index: diff against the live snapshot, encode only new text, swap atomically."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from embeddings import bm25, database, vectors
from embeddings.cache import FILE_NAME as CACHE_FILE
from embeddings.cache import VectorCache
from embeddings.index import Index, open_index, open_snapshot
from embeddings.manifest import FORMAT_VERSION, Manifest
from embeddings.model import DIMENSION, MAX_WORD_PIECES, MODEL_NAME, count_word_pieces
from embeddings.storage import BuildPlan, BuildReport, Derive, EncodeGroups, Progress
from embeddings.store import IndexStore
from ingest.chunk import Chunk, chunk_entry, lead_texts, text_hash
from ingest.entry import Entry
from ingest.error_messages import KEYS_VERSION
from khub.errors import KhubError

if TYPE_CHECKING:
    from embeddings.backends import Encoder

CHUNK_TOKENS = MAX_WORD_PIECES  # the model reads 256 word pieces: a chunk is never cut by the encoder
# Bump on any change to how chunks or leads are made: a snapshot is reused only by the same chunker.
CHUNKER = f"sections-v1/{CHUNK_TOKENS}+lead-v2"
ENCODE_GROUP = 256  # texts per encode call: each group is cached as soon as it is done

class Snapshot(Protocol):
    """What an update reads from the live snapshot to reuse it: the local ``Index``, or another
    store's reader (embeddings/milvus_reader.py)."""

    manifest: Manifest

    @property
    def version(self) -> str: ...
    def entry_hashes(self) -> dict[str, str]: ...
    def chunks_of(self, entry_ids: set[str]) -> dict[str, list[Chunk]]: ...
    def position(self, entry_id: str) -> int | None: ...
    def chunk_vids(self, pos: int) -> range: ...
    def chunk_vectors(self, vids: Sequence[int] | np.ndarray) -> np.ndarray: ...
    def lead_vectors(self, positions: list[int]) -> np.ndarray: ...


@dataclass
class Update:
    """What a new snapshot must hold, store aside: its chunks and one vector per chunk then per entry
    lead (``chunks`` None when the live snapshot already holds exactly the entries)."""

    report: BuildReport
    chunks: list[Chunk] | None = None
    matrix: np.ndarray | None = None

    @property
    def chunk_matrix(self) -> np.ndarray:
        assert self.chunks is not None and self.matrix is not None
        return self.matrix[: len(self.chunks)]

    @property
    def lead_matrix(self) -> np.ndarray:
        assert self.chunks is not None and self.matrix is not None
        return self.matrix[len(self.chunks):]


def update_index(
    root: Path,
    entries: Sequence[Entry],
    plan: BuildPlan,
    *,
    sources: Sequence[str] = (),
    rebuild: bool = False,
    progress: Progress | None = None,
    derive: Derive | None = None,
) -> BuildReport:
    """Make the index at ``root`` hold exactly ``entries``; encode only text never seen before. A new
    snapshot also holds the files ``derive`` makes from it, written before it goes live."""
    started = time.perf_counter()
    store = IndexStore(root)
    with store.writing():
        previous = _open_live(root)
        try:
            update = prepare_update(previous, entries, plan, root / CACHE_FILE, rebuild=rebuild, progress=progress)
            if update.chunks is not None:
                reuse = None if previous is None or rebuild else _term_rows(previous, entries, update.report)
                update.report.snapshot = _write_snapshot(store, entries, update, plan, sources, derive, reuse).name
        finally:
            if previous:
                previous.close()
    update.report.seconds = time.perf_counter() - started
    return update.report


def prepare_update(previous: Snapshot | None, entries: Sequence[Entry], plan: BuildPlan, cache_path: Path, *,
                   rebuild: bool = False, progress: Progress | None = None) -> Update:
    """Diff ``entries`` against the live snapshot and make every vector a new one needs: reused from
    that snapshot or the vector cache when the text was seen before, else encoded now."""
    report = _diff(entries, previous.entry_hashes() if previous else {})
    report.entries = len(entries)
    reusable = previous if previous and not rebuild and previous.manifest.chunker == CHUNKER else None
    same_keys = (reusable and reusable.manifest.model_id == plan.model_id
                 and reusable.manifest.error_keys == KEYS_VERSION)
    if reusable and same_keys and not (report.added or report.changed or report.removed):
        report.up_to_date, report.chunks = True, reusable.manifest.chunks
        report.snapshot = reusable.version
        return Update(report)
    chunks = _chunks(entries, reusable, report)
    # A one-chunk entry's lead text is its chunk's: equal texts share one vector, encoded once.
    texts = [chunk.text for chunk in chunks] + lead_texts(entries, chunks)
    live = reusable if reusable and reusable.manifest.model_id == plan.model_id else None
    reused = _live_vectors(live, chunks, entries, report) if live is not None else {}
    matrix, encoded = _vectors(cache_path, texts, plan, progress, reused)
    report.chunks_encoded = len({chunk.text_hash for chunk in chunks} & encoded)
    report.leads_encoded = len(encoded) - report.chunks_encoded
    report.chunks = len(chunks)
    return Update(report, chunks, matrix)


def new_manifest(entries: Sequence[Entry], update: Update, plan: BuildPlan, sources: Sequence[str],
                 vector_index: str) -> Manifest:
    """The facts of a new snapshot holding ``update``."""
    return Manifest(
        format_version=FORMAT_VERSION, model=MODEL_NAME, model_id=plan.model_id, backend=plan.backend,
        dimension=DIMENSION, normalized=True, vector_index=vector_index, chunker=CHUNKER,
        error_keys=KEYS_VERSION, corpus_hash=corpus_hash(entries), entries=len(entries),
        chunks=len(update.chunks or ()), built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        sources=tuple(sources),
    )


def _open_live(root: Path) -> Index | None:
    """The live snapshot, to diff against and reuse chunks from; None if missing or unreadable."""
    try:
        return open_index(root)
    except KhubError:  # damaged or from another format version: build afresh beside it
        return None


def _diff(entries: Sequence[Entry], before: dict[str, str]) -> BuildReport:
    report = BuildReport()
    now = {entry.id: entry.content_hash for entry in entries}
    for entry_id, content_hash in now.items():
        if entry_id not in before:
            report.added.append(entry_id)
        elif before[entry_id] != content_hash:
            report.changed.append(entry_id)
        else:
            report.unchanged += 1
    report.removed = [entry_id for entry_id in before if entry_id not in now]
    return report


def _chunks(entries: Sequence[Entry], previous: Snapshot | None, report: BuildReport) -> list[Chunk]:
    """Chunk new and changed entries; take unchanged entries' chunks from a compatible live snapshot."""
    reusable: dict[str, list[Chunk]] = {}
    if previous:
        fresh = set(report.added) | set(report.changed)
        reusable = previous.chunks_of({entry.id for entry in entries if entry.id not in fresh})
    chunks: list[Chunk] = []
    for entry in entries:
        chunks.extend(reusable.get(entry.id) or chunk_entry(entry, count_word_pieces, CHUNK_TOKENS))
    return chunks


def _live_vectors(live: Snapshot, chunks: Sequence[Chunk], entries: Sequence[Entry],
                  report: BuildReport) -> dict[str, np.ndarray]:
    """Vectors the live snapshot (same model) holds for unchanged entries, by text hash: their chunks
    (taken from that snapshot, in its order) and their leads (made from the entry's content alone, by
    the chunker the snapshot shares). Reading them back from FAISS is a copy; looking 141k texts up
    in the vector cache took 11 s of a 25 s re-ingest at 113k chunks."""
    fresh = set(report.added) | set(report.changed)
    unchanged = [entry for entry in entries if entry.id not in fresh]
    positions = [pos for entry in unchanged if (pos := live.position(entry.id)) is not None]
    kept = [chunk for chunk in chunks if chunk.entry_id not in fresh]
    vids = [vid for pos in positions for vid in live.chunk_vids(pos)]
    # Not the snapshot's own entries or chunks after all: let the cache answer.
    if len(positions) != len(unchanged) or len(vids) != len(kept):
        return {}
    found = dict(zip((chunk.text_hash for chunk in kept), live.chunk_vectors(vids)))
    found.update(zip(map(text_hash, lead_texts(unchanged, kept)), live.lead_vectors(positions)))
    return found


def _vectors(cache_path: Path, texts: list[str], plan: BuildPlan, progress: Progress | None,
             reused: dict[str, np.ndarray]) -> tuple[np.ndarray, set[str]]:
    """One vector per text: reused from the live snapshot or the cache when the text was seen before,
    else encoded now; also the hashes of the texts that had to be encoded."""
    cache = VectorCache(cache_path, plan.model_id, DIMENSION)
    try:
        hashes = [text_hash(text) for text in texts]
        known = dict(reused)
        known.update(cache.get_many(key for key in hashes if key not in known))
        missing = {key: text for key, text in zip(hashes, texts) if key not in known}
        if missing:
            known.update(_encode(missing, plan, cache, progress))
    finally:
        cache.close()
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32), set(missing)
    return np.stack([known[key] for key in hashes]).astype(np.float32), set(missing)


def _encode(missing: dict[str, str], plan: BuildPlan, cache: VectorCache,
            progress: Progress | None) -> dict[str, np.ndarray]:
    # Similar lengths in one group means less padding inside each batch.
    order = sorted(missing, key=lambda key: len(missing[key]))
    encode = plan.encode or encode_here(plan.load)
    done: dict[str, np.ndarray] = {}
    for positions, matrix in encode([missing[key] for key in order], progress):
        group = [order[position] for position in positions]
        cache.put_many(group, matrix)
        done.update(zip(group, matrix))
    return done


def encode_here(load: Callable[[], Encoder]) -> EncodeGroups:
    """Encode in this process with the encoder ``load`` gives, ENCODE_GROUP texts at a time."""

    def encode(texts: Sequence[str], progress: Progress | None) -> Iterator[tuple[range, np.ndarray]]:
        encoder = load()
        counted = [0]

        def advance(batch: int) -> None:
            counted[0] += batch
            if progress:
                progress(counted[0], len(texts))

        advance(0)
        for start in range(0, len(texts), ENCODE_GROUP):
            group = range(start, min(start + ENCODE_GROUP, len(texts)))
            yield group, encoder.encode([texts[position] for position in group], progress=advance)

    return encode


def _term_rows(live: Index, entries: Sequence[Entry], report: BuildReport) -> bm25.Reuse:
    """Which rows of the live snapshot's BM25 term matrix hold entries unchanged since, and their rows now."""
    fresh = set(report.added) | set(report.changed)
    moved = np.full(len(live.entry_ids), -1, dtype=np.int64)
    for pos, entry in enumerate(entries):
        if entry.id not in fresh and (before := live.position(entry.id)) is not None:
            moved[before] = pos
    return bm25.Reuse(live.folder / bm25.FILE_NAME, moved)


def _write_snapshot(store: IndexStore, entries: Sequence[Entry], update: Update, plan: BuildPlan,
                    sources: Sequence[str], derive: Derive | None = None, reuse: bm25.Reuse | None = None) -> Path:
    assert update.chunks is not None
    build = store.new_build()
    database.write_database(build / database.FILE_NAME, entries, update.chunks, reuse)
    vectors.save_vector_index(vectors.build_vector_index(update.chunk_matrix), build / vectors.CHUNKS_FILE)
    vectors.save_vector_index(vectors.build_vector_index(update.lead_matrix), build / vectors.LEADS_FILE)
    new_manifest(entries, update, plan, sources, vectors.index_type(len(update.chunks))).write(build)
    if derive is not None:
        _write_derived(build, derive)
    return store.publish(build)


def _write_derived(build: Path, derive: Derive) -> None:
    """The files ``derive`` makes from the complete, not yet published snapshot, written into it."""
    snapshot = open_snapshot(build)
    try:
        files = dict(derive(snapshot))
    finally:
        snapshot.close()
    for name, text in files.items():
        if name != Path(name).name or name.startswith(".") or (build / name).exists():
            raise ValueError(f"a derived file must be a new plain file name in the snapshot, not {name!r}; "
                             f"the snapshot already holds: {', '.join(sorted(p.name for p in build.iterdir()))}")
        (build / name).write_text(text, encoding="utf-8")


def corpus_hash(entries: Sequence[Entry]) -> str:
    """One hash for the whole archive: equal archives, equal hash, whatever the file order."""
    lines = sorted(f"{entry.id}\t{entry.content_hash}" for entry in entries)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def plan_for(settings) -> BuildPlan:
    """The encoder a build uses, from settings: its identity now, its weights only when needed; on Ray
    when ``settings.ray`` names a cluster (or "local"), which gives the same vectors."""
    from embeddings.encoder import load_encoder, model_id_for

    encode = None
    if settings.ray:
        from embeddings.ray_encode import ray_encoder  # ray is an optional dependency

        encode = ray_encoder(settings.ray, settings.encoder, settings.model_cache_dir, settings.threads)
    return BuildPlan(
        model_id=model_id_for(settings.encoder),
        backend=settings.encoder,
        load=lambda: load_encoder(settings.encoder, settings.model_cache_dir, settings.threads),
        encode=encode,
    )

"""Read one generation of a Milvus-held index: the ``IndexReader`` of the Milvus store.

Nearest neighbours, BM25 and whole records come from Milvus at each query; what search and diagnosis
look up for every candidate (which entry a chunk belongs to, titles, filter fields, error keys) is
read once when the reader opens, as the local store's reader keeps it in SQLite beside it.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from pymilvus import MilvusClient

from embeddings import database
from embeddings.manifest import Manifest
from embeddings.milvus_schema import SEPARATORS, collection_names
from embeddings.query import Filters, query_words
from embeddings.storage import Passage, Ranked
from ingest.chunk import Chunk
from ingest.entry import Entry
from ingest.error_messages import ecosystems_of
from khub.errors import IndexUnavailableError

MAX_RESULTS = 16_384  # Milvus's largest top-k: BM25 returns at most this many matching entries
PAGE = 4_096
ENTRY_FIELDS = ["pos", "id", "kind", "level", "languages", "tags", "title", "content_hash", "error_key"]
CHUNK_FIELDS = ["vid", "pos", "chunk_id", "ordinal", "section", "title", "body", "tokens"]


@dataclass(frozen=True)
class EntryFacts:
    """What is kept in memory about each entry: enough to filter, map and show it without a query."""

    id: str
    kind: str
    level: str
    languages: tuple[str, ...]
    tags: tuple[str, ...]
    title: str
    content_hash: str
    error_key: dict | None


class MilvusIndex:
    """A read-only view of one generation; safe to query from several threads (the client is)."""

    def __init__(self, client: MilvusClient, prefix: str, generation: str, manifest: Manifest):
        self.client = client
        self.manifest = manifest
        self.generation = generation
        self.names = collection_names(prefix, generation)
        for name in self.names.values():
            client.load_collection(name)
        rows = _scan(client, self.names["entries"], "pos", manifest.entries, ENTRY_FIELDS)
        self.facts = [EntryFacts(row["id"], row["kind"], row["level"], tuple(row["languages"]), tuple(row["tags"]),
                                 row["title"], row["content_hash"],
                                 json.loads(row["error_key"]) if row["error_key"] else None) for row in rows]
        self.entry_ids = [facts.id for facts in self.facts]
        self._positions = {entry_id: pos for pos, entry_id in enumerate(self.entry_ids)}
        chunks = _scan(client, self.names["chunks"], "vid", manifest.chunks, ["vid", "pos"])
        self.chunk_entry = np.array([row["pos"] for row in chunks], dtype=np.int64)
        # Chunks are stored entry by entry, so each entry's chunks are one run of vids.
        self._first_vid = np.searchsorted(self.chunk_entry, np.arange(len(self.entry_ids) + 1))

    @property
    def version(self) -> str:
        return self.generation

    def chunk_vids(self, pos: int) -> range:
        return range(int(self._first_vid[pos]), int(self._first_vid[pos + 1]))

    def chunk_vectors(self, vids: Sequence[int] | np.ndarray) -> np.ndarray:
        return self._vectors(self.names["chunks"], "vid", "vector", [int(vid) for vid in vids])

    def lead_vectors(self, positions: list[int]) -> np.ndarray:
        return self._vectors(self.names["entries"], "pos", "lead", [int(pos) for pos in positions])

    def _vectors(self, collection: str, key: str, field: str, keys: list[int]) -> np.ndarray:
        found = {row[key]: row[field] for row in self.client.get(collection, ids=keys, output_fields=[key, field])}
        return np.array([found[key_] for key_ in keys], dtype=np.float32).reshape(len(keys), self.manifest.dimension)

    def chunk_similarities(self, vids: Sequence[int] | np.ndarray, query_vector: np.ndarray) -> np.ndarray:
        return self._similarities(self.names["chunks"], "vid", "vector", [int(vid) for vid in vids], query_vector)

    def lead_similarities(self, positions: list[int], query_vector: np.ndarray) -> np.ndarray:
        return self._similarities(self.names["entries"], "pos", "lead", [int(pos) for pos in positions], query_vector)

    def _similarities(self, collection: str, key: str, field: str, keys: list[int], vector: np.ndarray) -> np.ndarray:
        """Scores, not vectors, over the wire: a search restricted to ``keys`` returns each one's cosine."""
        found: dict[int, float] = {}
        unique = sorted(set(keys))
        for start in range(0, len(unique), MAX_RESULTS):
            group = unique[start:start + MAX_RESULTS]
            found.update(self._dense(collection, key, field, vector, len(group), group))
        return np.array([found[key_] for key_ in keys], dtype=np.float32)

    def allowed(self, filters: Filters) -> tuple[list[int] | None, list[int] | None]:
        if not filters.active:
            return None, None
        positions = [pos for pos, facts in enumerate(self.facts) if _passes(facts, filters)]
        vids = [vid for pos in positions for vid in self.chunk_vids(pos)]
        return vids, positions

    def dense_chunks(self, query_vector: np.ndarray, limit: int, allowed: list[int] | None = None) -> Ranked:
        return self._dense(self.names["chunks"], "vid", "vector", query_vector, limit, allowed)

    def dense_leads(self, query_vector: np.ndarray, limit: int, allowed: list[int] | None = None) -> Ranked:
        return self._dense(self.names["entries"], "pos", "lead", query_vector, limit, allowed)

    def _dense(self, collection: str, key: str, field: str, vector: np.ndarray, limit: int,
               allowed: list[int] | None) -> Ranked:
        if allowed is not None and not allowed:
            return []
        hits = self.client.search(collection, data=[np.asarray(vector, dtype=np.float32).ravel().tolist()],
                                  anns_field=field, limit=min(limit, MAX_RESULTS), output_fields=[key],
                                  filter=f"{key} in {list(allowed)}" if allowed is not None else "",
                                  search_params={"metric_type": "IP"})[0]
        return [(int(hit["entity"][key]), float(hit["distance"])) for hit in hits]

    def bm25_entries(self, query: str, filters: Filters = Filters()) -> dict[int, float]:
        words = query_words(query)[:64]
        if not words:
            return {}
        return self._bm25([" ".join(words)], _filter_expression(filters))[0]

    def _bm25(self, texts: list[str], expression: str = "") -> list[dict[int, float]]:
        """BM25 of the entries matching each text, by pos. milvus-lite returns the score negated, a server
        positive: its size is the score either way."""
        texts = [SEPARATORS.sub(" ", text).strip() or "_" for text in texts]
        results = self.client.search(self.names["entries"], data=texts, anns_field="sparse",
                                     limit=min(MAX_RESULTS, max(len(self.entry_ids), 1)), output_fields=["pos"],
                                     filter=expression, search_params={"metric_type": "BM25"})
        return [{int(hit["entity"]["pos"]): abs(float(hit["distance"])) for hit in hits} for hits in results]

    def entry_frequencies(self, words: Iterable[str], exclude: Collection[int] = ()) -> dict[str, int]:
        words = list(words)
        if not words:
            return {}
        left_out = set(exclude)
        return {word: len(set(found) - left_out) for word, found in zip(words, self._bm25(words))}

    def entry_topics(self) -> dict[int, tuple[str, set[str]]]:
        return {pos: (facts.title, {name.lower() for name in facts.languages + facts.tags})
                for pos, facts in enumerate(self.facts)}

    def passages(self, vids: list[int]) -> dict[int, Passage]:
        rows = self.client.get(self.names["chunks"], ids=[int(vid) for vid in vids], output_fields=CHUNK_FIELDS)
        return {row["vid"]: Passage(entry_id=self.entry_ids[row["pos"]], chunk_id=row["chunk_id"],
                                    title=self.facts[row["pos"]].title, section=row["section"],
                                    text="".join(row["body"]), kind=self.facts[row["pos"]].kind) for row in rows}

    def entry(self, entry_id: str) -> Entry | None:
        pos = self._positions.get(entry_id)
        if pos is None:
            return None
        row = self.client.get(self.names["entries"], ids=[pos], output_fields=["pos", "record"])[0]
        return database.entry_from_row((pos, *json.loads("".join(row["record"]))))

    def entry_titles(self, positions: list[int]) -> dict[int, str]:
        return {pos: self.facts[pos].title for pos in positions if 0 <= pos < len(self.facts)}

    def entry_passages(self, entry_id: str) -> list[Passage]:
        pos = self._positions.get(entry_id)
        if pos is None:
            return []
        vids = list(self.chunk_vids(pos))
        passages = self.passages(vids)
        return [passages[vid] for vid in vids]

    def error_rows(self) -> tuple[list[tuple], list[tuple]]:
        messages, keyed = [], []
        for pos, facts in enumerate(self.facts):
            if key := facts.error_key:
                messages += [(pos, message, template) for message, template in key["messages"]]
                keyed.append((pos, tuple(key["codes"]), tuple(key["ecosystems"]), tuple(key["tags"]),
                              key["error_type"], bool(key["curated"])))
        return messages, keyed

    def entry_ecosystems(self) -> dict[int, set[str]]:
        return {pos: ecosystems_of(facts.languages, facts.tags) for pos, facts in enumerate(self.facts)}

    def position(self, entry_id: str) -> int | None:
        return self._positions.get(entry_id)

    def has_entry(self, entry_id: str) -> bool:
        return entry_id in self._positions

    def entry_hashes(self) -> dict[str, str]:
        return {facts.id: facts.content_hash for facts in self.facts}

    def chunks_of(self, entry_ids: set[str]) -> dict[str, list[Chunk]]:
        """The stored chunks of the given entries, in order, to reuse them unchanged."""
        found: dict[str, list[Chunk]] = {}
        for row in _scan(self.client, self.names["chunks"], "vid", len(self.chunk_entry), CHUNK_FIELDS):
            entry_id = self.entry_ids[row["pos"]]
            if entry_id in entry_ids:
                found.setdefault(entry_id, []).append(Chunk(row["chunk_id"], entry_id, row["ordinal"], row["section"],
                                                            row["title"], "".join(row["body"]), row["tokens"]))
        return found

    def derived(self, name: str) -> str | None:
        rows = self.client.get(self.names["meta"], ids=[name], output_fields=["name", "text"])
        return "".join(rows[0]["text"]) if rows else None

    def close(self) -> None:
        """Nothing to release: the client belongs to the store, which other readers may share."""


def _passes(facts: EntryFacts, filters: Filters) -> bool:
    return ((not filters.kind or facts.kind == filters.kind) and (not filters.level or facts.level == filters.level)
            and (not filters.language or filters.language.lower() in facts.languages))


def _filter_expression(filters: Filters) -> str:
    """The same filters as a Milvus boolean expression over the entries' scalar fields."""
    clauses = []
    if filters.kind:
        clauses.append(f"kind == {json.dumps(filters.kind)}")
    if filters.level:
        clauses.append(f"level == {json.dumps(filters.level)}")
    if filters.language:
        clauses.append(f"array_contains(languages, {json.dumps(filters.language.lower())})")
    return " and ".join(clauses)


def _scan(client: MilvusClient, collection: str, key: str, rows: int, fields: list[str]) -> list[dict]:
    """Every row of a collection in key order, page by page: keys are 0 .. rows - 1 (pos, vid). Ranges
    rather than a query iterator, which milvus-lite does not fully serve."""
    found: list[dict] = []
    for start in range(0, rows, PAGE):
        page = client.query(collection, filter=f"{key} >= {start} and {key} < {start + PAGE}", output_fields=fields)
        found += sorted(page, key=lambda row: row[key])
    if len(found) != rows:
        raise IndexUnavailableError(f"{collection} holds {len(found)} rows where its manifest says {rows}; "
                                    "rebuild it with: khub ingest --rebuild")
    return found

"""The Milvus side of an index: three collections per snapshot ("generation"), and the rows they hold.

    <prefix>_<generation>_entries   one row per entry (pos): its record, filter fields (kind, level,
                                    languages), the analysed text with BM25 over it, the lead vector
                                    and the error-message keys used by diagnosis
    <prefix>_<generation>_chunks    one row per chunk (vid): its text, its entry's pos and filter
                                    fields, and its vector
    <prefix>_<generation>_meta      the manifest and the files ``Derive`` made, as text parts

One alias, ``<prefix>_live``, names the live generation's meta collection: switching it is the one
atomic step that makes a new snapshot live (embeddings/milvus_store.py).

Milvus stores a VARCHAR of at most 65,535 bytes (and an ARRAY of at most 4,096 of them), while an
entry may hold up to 1 MB: long texts are stored as parts of at most ``PART_CHARS`` characters, which
stay under the byte limit whatever the characters. The BM25 text keeps its first ``TEXT_BYTES``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
from pymilvus import DataType, Function, FunctionType, MilvusClient

from embeddings import database
from ingest.chunk import Chunk
from ingest.entry import Entry

PART_CHARS = 16_000  # 4 bytes per character at most in UTF-8: 64,000 bytes < 65,535
MAX_PARTS = 96  # 1.5 M characters: more than the 1 MB an entry may hold
TEXT_BYTES = 65_535
DUMMY = [0.0, 0.0]  # every Milvus collection needs a vector field; the meta collection's is unused
# Milvus analyses text with its own tokenizer; SQLite's FTS5 (the local store) splits on anything not
# a letter or a digit, underscores included. Splitting the same way first gives both the same words.
SEPARATORS = re.compile(r"[\W_]+")
ANALYZER = {"tokenizer": "standard", "filter": ["lowercase", {"type": "stemmer", "language": "english"}]}
INSERT_ROWS = 1_000


def collection_names(prefix: str, generation: str) -> dict[str, str]:
    return {part: f"{prefix}_{generation}_{part}" for part in ("entries", "chunks", "meta")}


def analysed_text(title: str, tags: Sequence[str], body: str) -> str:
    """What BM25 reads for an entry: the title twice (so a title word counts double, as the local
    store's column weights do: embeddings/database.py ENTRY_WEIGHTS), the tags, then the body."""
    text = SEPARATORS.sub(" ", f"{title} {title} {' '.join(tags)} {body}").strip()
    return clip_bytes(text, TEXT_BYTES)


def clip_bytes(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    return text if len(encoded) <= limit else encoded[:limit].decode("utf-8", errors="ignore")


def parts(text: str) -> list[str]:
    return [text[start:start + PART_CHARS] for start in range(0, len(text), PART_CHARS)] or [""]


def create_collections(client: MilvusClient, names: dict[str, str], dimension: int) -> None:
    """The three empty collections of one generation, with their indexes."""
    client.create_collection(names["entries"], schema=_entries_schema(dimension),
                             index_params=_index(client, lead="FLAT", sparse=True))
    client.create_collection(names["chunks"], schema=_chunks_schema(dimension),
                             index_params=_index(client, vector="FLAT"))
    meta = MilvusClient.create_schema(auto_id=False)
    meta.add_field("name", DataType.VARCHAR, max_length=256, is_primary=True)
    meta.add_field("text", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=MAX_PARTS,
                   max_length=PART_CHARS * 4)
    meta.add_field("unused", DataType.FLOAT_VECTOR, dim=len(DUMMY))
    client.create_collection(names["meta"], schema=meta, index_params=_index(client, unused="FLAT"))


def _entries_schema(dimension: int):
    schema = MilvusClient.create_schema(auto_id=False)
    schema.add_field("pos", DataType.INT64, is_primary=True)
    schema.add_field("id", DataType.VARCHAR, max_length=512)
    schema.add_field("kind", DataType.VARCHAR, max_length=64)
    schema.add_field("level", DataType.VARCHAR, max_length=64)
    schema.add_field("languages", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=64, max_length=128)
    schema.add_field("content_hash", DataType.VARCHAR, max_length=128)
    schema.add_field("title", DataType.VARCHAR, max_length=TEXT_BYTES)
    schema.add_field("tags", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=256, max_length=256)
    schema.add_field("record", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=MAX_PARTS,
                     max_length=PART_CHARS * 4)
    schema.add_field("error_key", DataType.VARCHAR, max_length=TEXT_BYTES)
    schema.add_field("text", DataType.VARCHAR, max_length=TEXT_BYTES, enable_analyzer=True,
                     analyzer_params=ANALYZER)
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_field("lead", DataType.FLOAT_VECTOR, dim=dimension)
    schema.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["text"],
                                 output_field_names=["sparse"]))
    return schema


def _chunks_schema(dimension: int):
    schema = MilvusClient.create_schema(auto_id=False)
    schema.add_field("vid", DataType.INT64, is_primary=True)
    schema.add_field("pos", DataType.INT64)
    schema.add_field("chunk_id", DataType.VARCHAR, max_length=1024)
    schema.add_field("ordinal", DataType.INT64)
    schema.add_field("section", DataType.VARCHAR, max_length=1024)
    schema.add_field("title", DataType.VARCHAR, max_length=2048)
    schema.add_field("body", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=MAX_PARTS,
                     max_length=PART_CHARS * 4)
    schema.add_field("tokens", DataType.INT64)
    schema.add_field("kind", DataType.VARCHAR, max_length=64)
    schema.add_field("level", DataType.VARCHAR, max_length=64)
    schema.add_field("languages", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=64, max_length=128)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dimension)
    return schema


def _index(client: MilvusClient, sparse: bool = False, **dense: str):
    """Exact inner-product search on the dense fields (vectors are normalised: cosine), BM25 on the sparse."""
    params = client.prepare_index_params()
    for field, index_type in dense.items():
        params.add_index(field, index_type=index_type, metric_type="IP")
    if sparse:
        params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    return params


def entry_rows(entries: Sequence[Entry], leads: np.ndarray) -> Iterator[dict]:
    for pos, entry in enumerate(entries):
        yield {
            "pos": pos, "id": entry.id, "kind": entry.kind, "level": entry.level or "",
            "languages": [language.lower() for language in entry.languages], "content_hash": entry.content_hash,
            "title": clip_bytes(entry.title, TEXT_BYTES), "tags": list(entry.tags),
            "record": parts(json.dumps(database.entry_record(entry), ensure_ascii=False)),
            "error_key": json.dumps(database.error_key(entry)) if entry.error_message else "",
            "text": analysed_text(entry.title, entry.tags, entry.body), "lead": leads[pos].tolist(),
        }


def chunk_rows(entries: Sequence[Entry], chunks: Sequence[Chunk], matrix: np.ndarray) -> Iterator[dict]:
    by_id = {entry.id: (pos, entry) for pos, entry in enumerate(entries)}
    for vid, chunk in enumerate(chunks):
        pos, entry = by_id[chunk.entry_id]
        yield {
            "vid": vid, "pos": pos, "chunk_id": chunk.chunk_id, "ordinal": chunk.ordinal, "section": chunk.section,
            "title": chunk.title, "body": parts(chunk.body), "tokens": chunk.tokens, "kind": entry.kind,
            "level": entry.level or "", "languages": [language.lower() for language in entry.languages],
            "vector": matrix[vid].tolist(),
        }


def meta_rows(files: dict[str, str]) -> list[dict]:
    return [{"name": name, "text": parts(text), "unused": DUMMY} for name, text in files.items()]


def insert_all(client: MilvusClient, collection: str, rows: Iterable[dict]) -> None:
    """Insert ``rows`` a thousand at a time (a request has a size limit), then flush them to storage."""
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == INSERT_ROWS:
            client.insert(collection, batch)
            batch = []
    if batch:
        client.insert(collection, batch)
    client.flush(collection)

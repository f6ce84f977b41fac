"""The manifest: what an index was built with, checked every time the index is opened."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from khub.errors import IndexMismatchError, IndexUnavailableError

FORMAT_VERSION = 3  # 2: error entries' messages keyed for diagnosis; 3: their tags, type and curation too
FILE_NAME = "manifest.json"
REBUILD = "rebuild it with: khub ingest --rebuild"


@dataclass(frozen=True)
class Manifest:
    """Facts about one index snapshot; a reader refuses an index whose facts do not fit."""

    format_version: int
    model: str  # the embedding model's name
    model_id: str  # model + weights fingerprint + encoder backend: the vector space
    backend: str
    dimension: int
    normalized: bool
    vector_index: str  # the FAISS index type
    chunker: str  # chunking version and budget: chunks are reused only under the same chunker
    error_keys: str  # version of the error-message templates and codes stored for diagnosis
    corpus_hash: str
    entries: int
    chunks: int
    built_at: str
    sources: tuple[str, ...] = ()

    def write(self, folder: Path) -> None:
        """Write manifest.json into ``folder``."""
        (folder / FILE_NAME).write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """Read and check the manifest of the snapshot in ``folder``."""
        path = folder / FILE_NAME
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise IndexUnavailableError(f"{path} is missing, so the index cannot be trusted; {REBUILD}") from exc
        except UnicodeDecodeError as exc:
            raise IndexUnavailableError(f"{path} is damaged ({exc}); {REBUILD}") from exc
        return cls.parse(text, str(path), folder)

    @classmethod
    def parse(cls, text: str, where: str, snapshot: object = None) -> Manifest:
        """Check a manifest's text, read from ``where`` (a file, or another store's record)."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IndexUnavailableError(f"{where} is damaged ({exc}); {REBUILD}") from exc
        if data.get("format_version") != FORMAT_VERSION:
            raise IndexMismatchError(
                f"the index at {snapshot or where} has format version {data.get('format_version')}, "
                f"this khub reads version {FORMAT_VERSION}; {REBUILD}"
            )
        known = {field.name for field in fields(cls)}
        missing = known - set(data) - {"sources"}
        if missing:
            raise IndexUnavailableError(f"{where} lacks {', '.join(sorted(missing))}; {REBUILD}")
        data["sources"] = tuple(data.get("sources", ()))
        return cls(**{key: value for key, value in data.items() if key in known})

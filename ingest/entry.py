"""The archive's unit of knowledge: an Entry, and the vocabulary its fields may use."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

KINDS = ("qa", "error", "snippet", "article", "path")
LEVELS = ("junior", "mid", "senior", "architect")
# Words contributors also use for levels (the hub's learning paths say "Beginner" or "Advanced").
LEVEL_ALIASES = {
    "beginner": "junior",
    "entry": "junior",
    "intermediate": "mid",
    "mid-level": "mid",
    "midlevel": "mid",
    "advanced": "senior",
    "expert": "architect",
}

REQUIRED_FIELDS = ("id", "kind", "title")
# Fields an entry may carry besides its body; anything else is reported as unknown.
OPTIONAL_FIELDS = (
    "language",
    "languages",
    "level",
    "tags",
    "error_message",
    "message_variants",
    "error_type",
    "audience",
    "section",
    "answer",
    "source",
    "source_path",
    "source_url",
    "license",
    "error_message_origin",
    "author",
    "updated",
)
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS + ("body",)


@dataclass(frozen=True)
class Entry:
    """One validated archive entry: a Q&A, an error, a snippet, an article or a learning path."""

    id: str
    kind: str
    title: str
    body: str
    languages: tuple[str, ...] = ()
    level: str | None = None
    tags: tuple[str, ...] = ()
    error_message: str | None = None
    message_variants: tuple[str, ...] = ()
    origin: str = ""  # where it was read from, "file:line", for messages
    extra: dict = field(default_factory=dict, compare=False, hash=False)  # source, licence, ...

    @property
    def content_hash(self) -> str:
        """Hash of everything that shapes the entry's chunks and metadata (not its origin)."""
        payload = json.dumps(
            [
                self.id,
                self.kind,
                self.title,
                self.body,
                self.languages,
                self.level,
                self.tags,
                self.error_message,
                self.message_variants,
                sorted(self.extra.items()),
            ],
            ensure_ascii=False,
            default=str,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

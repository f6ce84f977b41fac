"""The JSON shapes scripts rely on, shared by the CLI's ``--json`` and the web app's API."""

from __future__ import annotations

from dataclasses import asdict

from assistant.diagnose import Diagnosis
from assistant.search import Hit

HIT_FIELDS = ("entry_id", "score", "title", "kind", "chunk_id", "passage")


def hit_json(hit: Hit) -> dict:
    """A search hit: ``{"entry_id", "score", "title", "kind", "chunk_id", "passage", "section"}``."""
    fields = asdict(hit)
    return {name: fields[name] for name in HIT_FIELDS} | {"section": hit.section}


def diagnosis_json(diagnosis: Diagnosis) -> dict:
    """A diagnosis: ``{"confident", "signature", "others", "hits", "notices"}``; each hit carries the
    entry's ``"fix"``: ``{"cause", "fix", "broken_code", "fixed_code"}`` as the entry states them, or null."""
    return {
        "confident": diagnosis.confident,
        "signature": diagnosis.signature.as_dict(),
        "others": [{"ecosystem": s.ecosystem, "error_type": s.error_type, "message": s.message}
                   for s in diagnosis.others],
        "hits": [{"entry_id": h.entry_id, "score": h.score, "reason": h.reason, "title": h.title,
                  "matched_message": h.matched_message, "fix": h.fix.as_dict() if h.fix else None}
                 for h in diagnosis.hits],
        "notices": list(diagnosis.notices),
    }

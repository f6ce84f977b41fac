"""Learning paths: the hub's roadmaps, each an ordered list of milestones with the entries that teach them.

The milestones come from the path's own text (ingest/paths.py); the entries for a milestone are what
search finds for its title and description, learning paths themselves left out. They are searched
once per index snapshot, at ingest, before the snapshot goes live (``milestone_cache``, handed to
``run_ingest`` by the CLI), and kept in it as ``paths.json``; a snapshot without that file (built by
an older khub) is searched on demand, with the same result.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from assistant.search import Searcher
from embeddings.query import Filters
from embeddings.storage import Derive, IndexReader, Passage
from ingest.paths import Milestone, milestones, summary

ENTRIES_PER_MILESTONE = 3
CACHE_FILE = "paths.json"
# Bump when what a milestone is searched with, or how, changes: older caches are then searched anew.
CACHE_VERSION = f"milestone-search-v1/{ENTRIES_PER_MILESTONE}"


@dataclass(frozen=True, kw_only=True)
class PathStep:
    """A milestone and the archive entries that teach it, best first."""

    milestone: Milestone
    entries: tuple[str, ...]
    chunks: tuple[str, ...] = ()  # per entry, the id of its passage that matched the milestone

    def as_dict(self) -> dict:
        return {"n": self.milestone.n, "title": self.milestone.title, "entries": list(self.entries)}


@dataclass(frozen=True, kw_only=True)
class LearningPath:
    """One roadmap: its facts and its steps in order."""

    path_id: str
    title: str
    level: str | None
    summary: str
    steps: tuple[PathStep, ...]

    def as_dict(self) -> dict:
        """The shape ``khub path --json`` prints."""
        return {"path_id": self.path_id, "title": self.title, "level": self.level, "summary": self.summary,
                "milestones": [step.as_dict() for step in self.steps]}


def path_ids(searcher: Searcher) -> list[str]:
    """Every learning path in the index, by id."""
    _, positions = searcher.index.allowed(Filters(kind="path"))
    return sorted(searcher.index.entry_ids[pos] for pos in positions or [])


def learning_path(searcher: Searcher, path_id: str, per_milestone: int = ENTRIES_PER_MILESTONE, *,
                  cached: bool = True) -> LearningPath | None:
    """A path with the entries that teach each milestone, or None when there is no such path.

    The entries come from the snapshot's cache when it has one for ``per_milestone`` entries (and
    ``cached``), else from searching now."""
    entry = searcher.entry(path_id)
    if entry is None or entry.kind != "path":
        return None
    stored = _cache(searcher.index).get(path_id, {}) if cached and per_milestone == ENTRIES_PER_MILESTONE else {}
    steps = []
    for step in milestones(entry):
        found = stored.get(str(step.n))
        teaching = [tuple(pair) for pair in found] if found is not None else _teaching(searcher, step, per_milestone)
        steps.append(PathStep(milestone=step, entries=tuple(entry_id for entry_id, _ in teaching),
                              chunks=tuple(chunk_id for _, chunk_id in teaching)))
    return LearningPath(path_id=entry.id, title=entry.title, level=entry.level, summary=summary(entry),
                        steps=tuple(steps))


def teaching_passages(searcher: Searcher, step: PathStep) -> list[Passage]:
    """The passage of each entry of ``step`` that matched the milestone (its first when unknown)."""
    found = []
    for entry_id, chunk_id in zip(step.entries, step.chunks or ("",) * len(step.entries)):
        passages = searcher.index.entry_passages(entry_id)
        found += [next((p for p in passages if p.chunk_id == chunk_id), passages[0])] if passages else []
    return found


def milestone_cache(settings) -> Derive:
    """What ingest calls on a new snapshot before it goes live: every path's milestones searched
    there, as the snapshot's ``paths.json``. The encoder is the one the snapshot was built with."""

    def derive(index: IndexReader) -> dict[str, str]:
        from embeddings.encoder import load_encoder

        @functools.cache  # loaded at the first milestone searched: an archive may have no paths
        def encoder():
            return load_encoder(index.manifest.backend, settings.model_cache_dir, settings.threads)

        return {CACHE_FILE: cache_text(Searcher(index, lambda text: encoder().encode([text])[0]))}

    return derive


def cache_text(searcher: Searcher) -> str:
    """Every path's milestones searched now, as the cache file's JSON."""
    paths = {}
    for path_id in path_ids(searcher):
        found = learning_path(searcher, path_id, cached=False)
        if found:
            paths[path_id] = {str(step.milestone.n): [list(pair) for pair in zip(step.entries, step.chunks)]
                              for step in found.steps}
    return json.dumps({"version": CACHE_VERSION, "paths": paths}, ensure_ascii=False, sort_keys=True)


def _cache(index: IndexReader) -> dict[str, dict[str, list]]:
    """The snapshot's cached milestone entries by path id and milestone number; {} when it has none."""
    text = index.derived(CACHE_FILE)
    try:
        data = json.loads(text) if text else {}
    except json.JSONDecodeError:  # damaged: search instead, which gives the same entries
        return {}
    return data.get("paths", {}) if isinstance(data, dict) and data.get("version") == CACHE_VERSION else {}


def _teaching(searcher: Searcher, step: Milestone, limit: int) -> list[tuple[str, str]]:
    """(entry id, chunk id) of the best entries for a milestone, paths left out."""
    if limit <= 0:  # the path's outline only (khub path's text listing): no search needed
        return []
    hits = searcher.search(f"{step.title}. {step.text}", top_k=limit + 8)
    return [(hit.passage.entry_id, hit.passage.chunk_id) for hit in hits if hit.passage.kind != "path"][:limit]

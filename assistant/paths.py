"""Learning paths: the hub's roadmaps, each an ordered list of milestones with the entries that teach them.

The milestones come from the path's own text (ingest/paths.py); the entries for a milestone are what
search finds for its title and description, learning paths themselves left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.search import Searcher
from embeddings.query import Filters
from ingest.paths import Milestone, milestones, summary

ENTRIES_PER_MILESTONE = 3


@dataclass(frozen=True, kw_only=True)
class PathStep:
    """A milestone and the archive entries that teach it, best first."""

    milestone: Milestone
    entries: tuple[str, ...]

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


def learning_path(searcher: Searcher, path_id: str, per_milestone: int = ENTRIES_PER_MILESTONE) -> LearningPath | None:
    """A path with the entries that teach each milestone, or None when there is no such path."""
    entry = searcher.entry(path_id)
    if entry is None or entry.kind != "path":
        return None
    steps = tuple(PathStep(milestone=step, entries=_teaching(searcher, step, per_milestone))
                  for step in milestones(entry))
    return LearningPath(path_id=entry.id, title=entry.title, level=entry.level, summary=summary(entry), steps=steps)


def _teaching(searcher: Searcher, step: Milestone, limit: int) -> tuple[str, ...]:
    if limit <= 0:  # the path's outline only (khub path's text listing): no search needed
        return ()
    hits = searcher.search(f"{step.title}. {step.text}", top_k=limit + 8)
    return tuple([hit.passage.entry_id for hit in hits if hit.passage.kind != "path"][:limit])

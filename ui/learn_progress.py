"""What a learner has done on the learning paths: a set of (path id, milestone number).

A signed-in user's set lives on the server (ui/progress_store.py), anyone else's in the browser (the
Learn tab keeps it in localStorage, in the shape ``stored`` writes and ``from_stored`` reads).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LearnProgress:
    """The milestones marked done, as (path id, milestone number) pairs."""

    done: frozenset[tuple[str, int]] = frozenset()

    @classmethod
    def from_stored(cls, value: object) -> LearnProgress:
        """Read the stored shape, ``[[path_id, n], ...]``; anything else in it is ignored (browser
        storage is the user's to edit, and an older app may have written it)."""
        pairs = value if isinstance(value, list) else []
        return cls(frozenset((pair[0], pair[1]) for pair in pairs
                             if isinstance(pair, list | tuple) and len(pair) == 2 and isinstance(pair[0], str)
                             and isinstance(pair[1], int) and not isinstance(pair[1], bool)))

    def stored(self) -> list[list]:
        """The shape to store: ``[[path_id, n], ...]``, sorted."""
        return [[path_id, n] for path_id, n in sorted(self.done)]

    def of(self, path_id: str) -> set[int]:
        """The numbers of the milestones of ``path_id`` marked done."""
        return {n for done_path, n in self.done if done_path == path_id}

    def with_mark(self, path_id: str, n: int, done: bool) -> LearnProgress:
        """This progress with milestone ``n`` of ``path_id`` done or not, the rest unchanged."""
        pair = (path_id, int(n))
        return LearnProgress(self.done | {pair} if done else self.done - {pair})


"""Cross-validation folds that hold whole targets out.

A case is scored by a model that never saw its target only if every case sharing that target,
directly or through other cases, is in the same fold. ``target_groups`` gives each case a group
key by union-find over the targets; cases with no target get a key of their own choosing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence


def target_groups(targets: Sequence[Collection[str]], alone: Sequence[str] | None = None) -> list[str]:
    """A group key per case: cases that share a target (directly or through others) share a key; a
    case without targets gets ``alone[i]`` (default: a key of its own)."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for labels in targets:
        ordered = sorted(labels)
        for other in ordered[1:]:
            parent[find(other)] = find(ordered[0])
    return [f"entry:{find(sorted(labels)[0])}" if labels else f"none:{alone[i] if alone else i}"
            for i, labels in enumerate(targets)]

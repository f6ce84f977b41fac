"""Helpers every parser shares: library-path detection and collapsing recursive frames."""

from __future__ import annotations

import re

from assistant.diagnose.signature import Frame

# Paths of runtimes, package managers' folders and framework internals: not the user's code.
LIBRARY_PATH = re.compile(
    r"(site-packages|dist-packages|/lib/python\d|<frozen |\\lib\\|node_modules|^node:|^internal/|<anonymous>"
    r"|/vendor/|\\vendor\\|/\.cargo/registry/|/rustc/[0-9a-f]+/|/usr/lib/|/usr/local/lib/|/go/src/runtime/"
    r"|/usr/local/go/|\$GOROOT|^java\.|^javax\.|^jdk\.|^sun\.|^System\.|^Microsoft\.|/\.m2/repository/)"
)


def in_app(path: str | None, function: str | None = None) -> bool:
    """Whether a frame is the user's own code rather than a runtime's or a library's."""
    text = f"{path or ''}"
    if LIBRARY_PATH.search(text):
        return False
    return not (function and LIBRARY_PATH.search(function) and not path)


def collapse_recursion(frames: list[Frame], longest_cycle: int = 5) -> tuple[Frame, ...]:
    """Drop repeats of a run of frames (deep recursion prints the same few frames thousands of times)."""
    result: list[Frame] = []
    for frame in frames:
        result.append(frame)
        for size in range(1, longest_cycle + 1):
            if len(result) >= 2 * size and result[-size:] == result[-2 * size:-size]:
                del result[-size:]
                break
    return tuple(result)


def to_int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None

"""Go: runtime panics with goroutine traces, fatal errors, and go build / go vet compiler errors."""

from __future__ import annotations

import re

from assistant.diagnose.parsers.common import collapse_recursion, in_app, to_int
from assistant.diagnose.signature import ErrorSignature, Frame

ECOSYSTEM = "go"
PANIC = re.compile(r"^(?:panic|fatal error): (?P<message>.+?)(?: \[recovered\])?$")
GOROUTINE = re.compile(r"^goroutine \d+ \[[^\]]+\]:")
FUNCTION = re.compile(r"^(?P<function>[\w./*()\[\]-]+(?:\.[\w*()\[\]-]+)*)\(.*\)$")
LOCATION = re.compile(r"^\t(?P<file>\S+\.go):(?P<line>\d+)(?: \+0x[0-9a-f]+)?$")
COMPILE = re.compile(r"^(?P<file>\.{0,2}/?[\w./-]+\.go):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$")
GO_RUNTIME = re.compile(r"(/usr/local/go/|/usr/lib/go|/go/src/|/pkg/mod/|GOROOT)")


def parse(text: str) -> list[ErrorSignature]:
    """A panic (with its goroutine's frames) or the compiler's errors, first one first."""
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        panic = PANIC.match(line.strip())
        if panic and _has_goroutine(lines[index + 1:]):
            kind = "panic" if line.startswith("panic") else "fatal error"
            frames = _frames(lines[index + 1:])
            found.append(ErrorSignature(ECOSYSTEM, kind, f"{kind}: {panic['message']}", frames=frames))
    if found:
        return found
    for line in lines:
        error = COMPILE.match(line.strip())
        if error and _looks_like_go_build(text):
            frame = Frame(error["file"], None, to_int(error["line"]), to_int(error["column"]), True)
            found.append(ErrorSignature(ECOSYSTEM, "compile error", error["message"], frames=(frame,)))
    return found


def _has_goroutine(following: list[str]) -> bool:
    return any(GOROUTINE.match(line) for line in following[:12])


def _looks_like_go_build(text: str) -> bool:
    return bool(re.search(r"^# [\w./-]+$|\bgo (build|run|vet|test)\b|^(?:\S+/)?\S+\.go:\d+:\d+: ", text, re.M))


def _frames(following: list[str]) -> tuple[Frame, ...]:
    """The first goroutine's frames (innermost first in Go's output), returned outermost first."""
    frames = []
    function = None
    started = False
    for line in following[:200]:
        if GOROUTINE.match(line):
            if started:
                break
            started = True
            continue
        name = FUNCTION.match(line.strip()) if not line.startswith("\t") else None
        if name:
            function = name["function"]
            continue
        location = LOCATION.match(line)
        if location and function:
            path = location["file"]
            own = in_app(path) and not GO_RUNTIME.search(path) and not function.startswith("runtime.")
            frames.append(Frame(path, function, to_int(location["line"]), None, own))
            function = None
    return collapse_recursion(list(reversed(frames)))

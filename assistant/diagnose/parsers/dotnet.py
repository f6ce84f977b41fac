""".NET (C#, VB.NET; the dotnet runtime and Mono): unhandled exceptions with inner ones, and compiler errors."""

from __future__ import annotations

import re

from assistant.diagnose.parsers.common import collapse_recursion, to_int
from assistant.diagnose.signature import ErrorSignature, Frame

ECOSYSTEM = "dotnet"
EXCEPTION = re.compile(r"^(?:Unhandled [Ee]xception[.:]?\s*|\[ERROR\] FATAL UNHANDLED EXCEPTION: |\s*---> )?"
                       r"(?P<type>(?:System|Microsoft|[A-Z]\w*)(?:\.\w+)*\.\w*Exception)(?:: (?P<message>.*))?$")
FRAME = re.compile(r"^\s+at (?P<function>[^(\n]+?)\s?\([^)]*\)(?: \[0x[0-9a-f]+\])?"
                   r"(?: in (?P<file>.+?)(?::line |:)(?P<line>\d+))?\s*$")
COMPILER = re.compile(r"^(?P<file>[^(\s][^(]*)\((?P<line>\d+),(?P<column>\d+)\): error (?P<code>(?:CS|BC)\d{4,5}): "
                      r"(?P<message>.+?)(?: \[[^\]]+\])?$")
LIBRARY = re.compile(r"^(System|Microsoft|Mono)\.")
MONO_NO_SYMBOLS = re.compile(r"^<[0-9a-f]{32}>$")  # Mono without debug symbols names no file


def parse(text: str) -> list[ErrorSignature]:
    """The unhandled exception (inner exceptions as its chain, root first) or the compiler's errors."""
    lines = text.split("\n")
    exceptions = []
    for index, line in enumerate(lines):
        match = EXCEPTION.match(line.rstrip())
        if match and (_has_frames(lines, index) or line.lstrip().startswith(("Unhandled", "---> "))):
            message = f"{match['type']}: {match['message'].strip()}" if match["message"] else match["type"]
            exceptions.append(ErrorSignature(ECOSYSTEM, match["type"], message, frames=_frames(lines[index + 1:])))
            if line.startswith("[ERROR] FATAL"):
                break  # Mono prints the same exception twice
    if exceptions:
        outer = exceptions[0]
        return [outer.with_chain(tuple(reversed(exceptions[1:])))] if len(exceptions) > 1 else [outer]
    return [_compiler(match) for line in lines if (match := COMPILER.match(line.strip()))]


def _has_frames(lines: list[str], index: int) -> bool:
    return any(FRAME.match(line) for line in lines[index + 1:index + 3])


def _frames(following: list[str]) -> tuple[Frame, ...]:
    frames = []
    for line in following:
        frame = FRAME.match(line)
        if not frame:
            if line.strip().startswith(("--- End of", "---")):
                continue
            break
        function = frame["function"].strip()
        path = None if not frame["file"] or MONO_NO_SYMBOLS.match(frame["file"]) else frame["file"]
        frames.append(Frame(path, function, to_int(frame["line"]) if path else None, None, not LIBRARY.match(function)))
    return collapse_recursion(list(reversed(frames)))


def _compiler(match: re.Match) -> ErrorSignature:
    frame = Frame(match["file"], None, to_int(match["line"]), to_int(match["column"]), True)
    return ErrorSignature(ECOSYSTEM, match["code"], f"error {match['code']}: {match['message']}", code=match["code"],
                          frames=(frame,))

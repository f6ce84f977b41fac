"""Java and the JVM: "Exception in thread" stacks with "Caused by:" chains, and javac errors."""

from __future__ import annotations

import re

from assistant.diagnose.parsers.common import collapse_recursion, to_int
from assistant.diagnose.signature import ErrorSignature, Frame

ECOSYSTEM = "java"
HEADER = re.compile(r"^(?:Exception in thread \"[^\"]*\" |Caused by: |Suppressed: |\s*)"
                    r"(?P<type>(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)|[A-Z][\w$]*(?:Exception|Error))"
                    r"(?:: (?P<message>.*))?$")
FRAME = re.compile(r"^\s+at (?:[\w.$-]+/)?(?P<function>[\w$.<>]+)\((?P<where>[^)]*)\)")
JAVAC = re.compile(r"^(?P<file>[\w./\\-]+\.java):(?P<line>\d+): error: (?P<message>.+)$")
LIBRARY = re.compile(r"^(java|javax|jdk|sun|com\.sun|org\.junit|org\.springframework|org\.apache|kotlin)\.")


def parse(text: str) -> list[ErrorSignature]:
    """The thrown exception with its causes (root cause first in ``chain``), or javac's errors."""
    lines = text.split("\n")
    exceptions = _exceptions(lines)
    if exceptions:
        top, causes = exceptions[0], exceptions[1:]
        return [top.with_chain(tuple(reversed(causes)))] if causes else [top]
    return [_javac(match, lines[index + 1:index + 6]) for index, line in enumerate(lines)
            if (match := JAVAC.match(line.strip()))]


def _exceptions(lines: list[str]) -> list[ErrorSignature]:
    """Each exception header followed by 'at' frames: the thrown one, then its causes in order."""
    found: list[ErrorSignature] = []
    for index, line in enumerate(lines):
        header = HEADER.match(line.rstrip())
        if not header or not line.strip() or not _followed_by_frames(lines, index):
            continue
        if not (line.startswith(("Exception in thread", "Caused by:")) or found or not line[:1].isspace()):
            continue
        frames = _frames(lines[index + 1:])
        message = f"{header['type']}: {header['message']}" if header["message"] else header["type"]
        found.append(ErrorSignature(ECOSYSTEM, header["type"], message, frames=frames))
    return found


def _followed_by_frames(lines: list[str], index: int) -> bool:
    return any(FRAME.match(line) for line in lines[index + 1:index + 3])


def _frames(following: list[str]) -> tuple[Frame, ...]:
    frames = []
    for line in following:
        frame = FRAME.match(line)
        if not frame:
            if line.strip().startswith("..."):
                continue
            break
        path, _, number = frame["where"].partition(":")
        function = frame["function"]
        frames.append(Frame(path or None, function, to_int(number), None, not LIBRARY.match(function)))
    return collapse_recursion(list(reversed(frames)))


def _javac(match: re.Match, following: list[str]) -> ErrorSignature:
    frame = Frame(match["file"], None, to_int(match["line"]), None, True)
    context = tuple(line.strip() for line in following[:1] if line.strip() and not line.strip().startswith("^"))
    notes = tuple(line.strip() for line in following if line.strip().startswith(("symbol:", "location:")))
    return ErrorSignature(ECOSYSTEM, "javac", f"error: {match['message']}", frames=(frame,), notes=notes,
                          context=context)

"""PHP: Warning / Notice / Deprecated / Fatal error / Parse error lines, Uncaught exceptions and their stacks."""

from __future__ import annotations

import re

from assistant.diagnose.parsers.common import in_app, to_int
from assistant.diagnose.signature import ErrorSignature, Frame

ECOSYSTEM = "php"
LEVELS = (r"Fatal error|Parse error|Warning|Notice|Deprecated|Recoverable fatal error|Catchable fatal error"
          r"|Strict Standards")
# Anchored at a line start or after spaces: PHP glues errors onto unfinished output lines.
ERROR_LINE = re.compile(rf"(?:^|(?<=\s))(?:PHP )?(?P<level>{LEVELS}):\s+(?P<body>.+?)"
                        r"(?: in (?P<file>\S+?)(?: on line |:)(?P<line>\d+))?\s*$")
UNCAUGHT = re.compile(r"^Uncaught (?P<type>[\w\\]+): (?P<message>.*)$")
STACK_FRAME = re.compile(r"^#\d+ (?P<file>[^(\n]+)\((?P<line>\d+)\): (?P<function>.+)$")
# Exceptions printed by frameworks or logs without the "Fatal error:" level: "PDOException: SQLSTATE[...]".
EXCEPTION_LINE = re.compile(r"^(?:PHP )?(?P<type>[\w\\]*(?:Exception|Error)): (?P<message>.+?)"
                            r" in (?P<file>/\S+|[A-Z]:\\\S+):(?P<line>\d+)$")
# PHP's built-in server logs a request's fatal error without its level: "[200]: GET /x - Uncaught Error: ..."
SERVER_REQUEST = re.compile(r"^\S+:\d+ \[\d{3}\]: [A-Z]+ \S+ - (?P<body>.+?)"
                            r"(?: in (?P<file>\S+?)(?: on line |:)(?P<line>\d+))?$")
FATAL = ("Fatal error", "Parse error", "Recoverable fatal error", "Catchable fatal error", "PHP Fatal error")


def parse(text: str) -> list[ErrorSignature]:
    """PHP errors in order of severity: fatal ones first, then warnings and notices."""
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        match = ERROR_LINE.search(line.strip())
        if match:
            found.append(_error(match, lines[index + 1:]))
            continue
        request = SERVER_REQUEST.match(line.strip())
        if request:
            found.append(_error({"level": "Fatal error", **request.groupdict()}, lines[index + 1:]))
            continue
        exception = EXCEPTION_LINE.match(line.strip())
        if exception:
            frame = Frame(exception["file"], None, to_int(exception["line"]), None, in_app(exception["file"]))
            frames = [*_stack(lines[index + 1:]), frame]
            message = f"{exception['type']}: {exception['message']}"
            found.append(ErrorSignature(ECOSYSTEM, exception["type"], message, frames=tuple(frames)))
    # The error that stopped the script comes first; warnings before it are often its cause.
    return sorted(found, key=lambda signature: 0 if signature.message.startswith(FATAL) or
                  not signature.message.startswith(("Warning", "Notice", "Deprecated", "Strict")) else 1)


def _error(match: re.Match | dict, following: list[str]) -> ErrorSignature:
    level, body = match["level"], match["body"]
    frames = _stack(following)
    location = Frame(match["file"], None, to_int(match["line"]), None, in_app(match["file"])) if match["file"] else None
    uncaught = UNCAUGHT.match(body)
    if uncaught:  # "Fatal error: Uncaught Error: Call to a member function prepare() on null in ..."
        error_type, message = uncaught["type"], f"Uncaught {uncaught['type']}: {uncaught['message']}"
    else:
        error_type, message = level, body
    if location:
        frames.append(location)
    return ErrorSignature(ECOSYSTEM, error_type, f"{level}: {message}", frames=tuple(frames))


def _stack(following: list[str]) -> list[Frame]:
    """'Stack trace:' then '#0 /path/file.php(12): getUser()' lines, innermost first; returned outermost first."""
    frames: list[Frame] = []
    for line in following[:60]:
        stripped = line.strip()
        if (stripped in ("Stack trace:", "")
                or stripped.startswith(("thrown in", "#")) and not STACK_FRAME.match(stripped)):
            if stripped.startswith("thrown in") or (frames and not stripped):
                break
            continue
        frame = STACK_FRAME.match(stripped)
        if not frame:
            break
        path = frame["file"].strip()
        frames.append(Frame(path, frame["function"].strip(), to_int(frame["line"]), None, in_app(path)))
    return list(reversed(frames))

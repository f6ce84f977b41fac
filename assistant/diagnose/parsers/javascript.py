"""JavaScript: Node/V8 errors with their stacks, and the Chrome, Firefox and Safari console forms."""

from __future__ import annotations

import re

from assistant.diagnose.parsers.common import collapse_recursion, in_app, to_int
from assistant.diagnose.signature import ErrorSignature, Frame

ECOSYSTEM = "javascript"
JS_TYPES = ("Error|TypeError|ReferenceError|SyntaxError|RangeError|URIError|EvalError|AggregateError|InternalError"
            "|DOMException|AbortError|SystemError|AssertionError|UnhandledPromiseRejection|[A-Z]\\w*Error")
ERROR_LINE = re.compile(rf"^\s*(?:Uncaught(?: \(in promise\))?:?\s+|\[)?(?P<type>{JS_TYPES})"
                        r"(?: \[(?P<code>[A-Z_0-9]+)\])?:\s?(?P<message>.*?)\]?$")
V8_FRAME = re.compile(r"^\s+at (?:async )?(?:(?P<function>.+?) \((?P<where>[^()]*)\)|(?P<bare>\S+))\s*$")
GECKO_FRAME = re.compile(r"^\s*(?P<function>[\w$.<>/]*)@(?P<where>\S+:\d+:\d+)\s*$")
FIREFOX_CONSOLE = re.compile(r"^\s*(?P<function>[\w$.]+) (?P<where>\S+:\d+(?::\d+)?)\s*$")
LOCATION = re.compile(r"^(?P<file>.*?):(?P<line>\d+)(?::(?P<column>\d+))?$")
NODE_HEADER = re.compile(r"^(?P<file>/\S+|[A-Za-z]:\\\S+|file://\S+):(?P<line>\d+)$")
CODE_PROPERTY = re.compile(r"^\s*code: '(?P<code>[A-Z_0-9]+)'")
# Consoles and test runners wrap the error line; unwrap it, keeping the location they give.
CHROMIUM_CONSOLE = re.compile(r'^\[[\d:/.]+:\w+:CONSOLE[^\]]*\] "(?P<message>.*)", '
                              r'source: (?P<file>\S+) \((?P<line>\d+)\)$')
CHROMIUM_OPEN = re.compile(r'^\[[\d:/.]+:\w+:CONSOLE[^\]]*\] "')  # a console message that goes on over lines
FIREFOX_ERROR = re.compile(r"^JavaScript (?P<level>error|warning): (?P<file>\S*), line (?P<line>\d+): (?P<message>.+)$")
MAX_CONSOLE_LINES = 12
DIFF_PREFIX = re.compile(r'^\s*[+-] {1,6}"?(?=\S)')
CORS = re.compile(r"blocked by CORS policy|Cross-Origin Request Blocked|CORS request|Access-Control-Allow-Origin")


def parse(text: str) -> list[ErrorSignature]:
    """Every JavaScript error line followed by a stack (or printed alone by a console)."""
    lines, located = _unwrap(text.split("\n"))
    found = []
    for index, line in enumerate(lines):
        if index in located and CORS.search(line):  # a console's CORS report is no "XError:" line
            found.append(ErrorSignature(ECOSYSTEM, "CORS error", line.strip(), frames=(located[index],)))
            continue
        if index in located and line.startswith("Warning: "):  # Firefox's warnings name no error type
            found.append(ErrorSignature(ECOSYSTEM, "Warning", line.strip(), frames=(located[index],)))
            continue
        match = ERROR_LINE.match(line)
        if not match or not (index in located or _looks_like_js(lines, index, match)):
            continue
        frames = _frames(lines[index + 1:]) or ([located[index]] if index in located else [])
        header = _node_header(lines, index)
        if header and not any(frame.in_app for frame in frames):
            frames = [header, *frames]
        code = match["code"] or _code_property(lines[index + 1:])
        message = f"{match['type']}: {match['message'].strip()}"
        found.append(ErrorSignature(ECOSYSTEM, match["type"], message, code=code, frames=collapse_recursion(frames),
                                    context=_source_line(lines, index)))
    return found


def _unwrap(lines: list[str]) -> tuple[list[str], dict[int, Frame]]:
    """Lines with console prefixes and test-runner diff markers removed, and the locations they named.

    A console message printed over several lines keeps its first line as the message; Firefox's
    warnings read as the console shows them ("Warning: unreachable code after return statement").
    """
    unwrapped, located = [], {}
    for index, line in enumerate(lines):
        wrapped = CHROMIUM_CONSOLE.match(line) or FIREFOX_ERROR.match(line) or _console_over_lines(lines, index)
        if wrapped:
            where = f"{wrapped['file']}:{wrapped['line']}" if wrapped["file"] else "<unknown>"
            located[index] = _located(where, None)
            warning = "level" in wrapped.groupdict() and wrapped["level"] == "warning"
            message = wrapped["message"]
            unwrapped.append(f"Warning: {message}" if warning and not ERROR_LINE.match(message) else message)
        else:
            unwrapped.append(DIFF_PREFIX.sub("    " if "at " in line[:20] else "", line).rstrip('"'))
    return unwrapped, located


def _console_over_lines(lines: list[str], index: int) -> re.Match | None:
    """A Chromium console message whose text spans lines: read up to its closing '", source: URL (N)'."""
    if not CHROMIUM_OPEN.match(lines[index]):
        return None
    for end in range(index + 1, min(len(lines), index + MAX_CONSOLE_LINES)):
        if re.search(r'", source: \S+ \(\d+\)$', lines[end]):
            head = lines[index] + '", source: ' + lines[end].rsplit('", source: ', 1)[1]
            return CHROMIUM_CONSOLE.match(head)
    return None


def _looks_like_js(lines: list[str], index: int, match: re.Match) -> bool:
    """A JS error line is followed by stack frames, or stands where Node or a console puts it."""
    following = lines[index + 1:index + 3]
    if any(V8_FRAME.match(line) or GECKO_FRAME.match(line) or FIREFOX_CONSOLE.match(line) for line in following):
        return True
    if "Uncaught" in lines[index] or lines[index].lstrip().startswith("["):
        return True
    nearby = "\n".join(lines[max(0, index - 6):index + 8])
    return bool(re.search(r"Node\.js v\d|node:internal", nearby)) or _node_header(lines, index) is not None


def _frames(lines: list[str]) -> list[Frame]:
    """Stack frames from the top (innermost) down, returned outermost first like other ecosystems."""
    frames = []
    for line in lines:
        frame = _frame(line)
        if frame is None:
            if line.strip().startswith(("at ", "...")) or not line.strip():
                continue
            break
        frames.append(frame)
    return list(reversed(frames))


def _frame(line: str) -> Frame | None:
    v8 = V8_FRAME.match(line)
    if v8:
        where, function = (v8["where"], v8["function"]) if v8["where"] is not None else (v8["bare"], None)
        return _located(where, function)
    gecko = GECKO_FRAME.match(line) or FIREFOX_CONSOLE.match(line)
    if gecko:
        return _located(gecko["where"], gecko["function"] or None)
    return None


def _located(where: str, function: str | None) -> Frame:
    location = LOCATION.match(where or "")
    path = location["file"] if location else where
    line = to_int(location["line"]) if location else None
    column = to_int(location["column"]) if location else None
    return Frame(path, function, line, column, in_app(path, function) and path not in ("<anonymous>", "native"))


def _node_header(lines: list[str], index: int) -> Frame | None:
    """Node prints 'file:line', the source line and a caret above a SyntaxError or uncaught error."""
    for line in reversed(lines[max(0, index - 5):index]):
        header = NODE_HEADER.match(line.strip())
        if header:
            return Frame(header["file"], None, to_int(header["line"]), None, in_app(header["file"]))
    return None


def _source_line(lines: list[str], index: int) -> tuple[str, ...]:
    """The source line Node shows between 'file:line' and the caret (read for what it means when it
    is Node's own code: a rejected promise nobody caught)."""
    for offset in range(max(0, index - 5), index):
        header = lines[offset].strip()
        if NODE_HEADER.match(header) or header.startswith("node:internal/process/promises"):
            code = lines[offset + 1].strip() if offset + 1 < index else ""
            if "fromPromise" in code or header.startswith("node:internal/process/promises"):
                return ("unhandled promise rejection: a rejected promise that no .catch() or try/await handled",)
            return (code,) if code else ()
    return ()


def _code_property(lines: list[str]) -> str | None:
    """Node prints system errors' code as an object property after the stack: code: 'ECONNREFUSED'."""
    for line in lines[:30]:
        code = CODE_PROPERTY.match(line)
        if code:
            return code["code"]
    return None

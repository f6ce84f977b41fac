"""Python: tracebacks (chained ones too), SyntaxError carets, warnings, and lone exception lines."""

from __future__ import annotations

import re

from assistant.diagnose.parsers.common import collapse_recursion, in_app, to_int
from assistant.diagnose.signature import ErrorSignature, Frame

ECOSYSTEM = "python"
TRACEBACK = re.compile(r"^\s*(?:\+ )?(?:Exception Group )?Traceback \(most recent call last\):\s*$")
# Python 3.11 draws exception groups' sub-tracebacks in a box: "  | " before each line.
GROUP_BOX = re.compile(r"^\s*(?:\| ?|\+-[-+ \d]*$|\+ (?=Exception Group))")
# pytest: "E       assert 35.69 == 35.7" lines, then "tests/test_x.py:5: AssertionError".
PYTEST_E = re.compile(r"^E\s{1,8}(?P<text>.*)$")
PYTEST_WHERE = re.compile(r"^(?P<file>\S+\.py):(?P<line>\d+): (?P<type>[A-Za-z_][\w.]*)$")
FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)(?:, in (?P<function>.+))?\s*$')
CHAIN = re.compile(r"^\s*(During handling of the above exception, another exception occurred|"
                   r"The above exception was the direct cause of the following exception):\s*$")
EXCEPTION = re.compile(r"^(?P<type>[A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Iteration|Group|Fault"
                       r"|Violation|NotFound|DoesNotExist|Timeout|Failure|Refused))(?::\s?(?P<message>.*))?$")
ANY_EXCEPTION = re.compile(r"^(?P<type>[A-Za-z_][\w.]*)(?::\s?(?P<message>.*))?$")
WARNING = re.compile(r"^(?P<file>\S.*?\.py|<frozen [\w.]+>):(?P<line>\d+): (?P<type>\w*Warning): (?P<message>.+)$")
SORRY = re.compile(r"^Sorry: (?=\w+Error: )")  # py_compile and compileall put it before the error
# Alone on a line, these could be JavaScript's as well: leave them to the generic parser.
SHARED_WITH_JAVASCRIPT = frozenset({"TypeError", "SyntaxError", "ReferenceError", "RangeError", "EvalError"})
OTHER_STACK = re.compile(r"^\s+at |^\s*\w*@\S+:\d+|^\s+\w+ \S+:\d+")  # JavaScript and JVM frames
BUILTIN_EXCEPTIONS = frozenset(
    "ArithmeticError AssertionError AttributeError BlockingIOError BrokenPipeError BufferError ConnectionError "
    "ConnectionRefusedError ConnectionResetError EOFError FileExistsError FileNotFoundError FloatingPointError "
    "ImportError IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt "
    "LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplementedError OSError "
    "OverflowError PermissionError ProcessLookupError RecursionError ReferenceError RuntimeError StopIteration "
    "StopAsyncIteration SyntaxError SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError "
    "UnicodeDecodeError UnicodeEncodeError UnicodeError ValueError ZeroDivisionError ExceptionGroup".split()
)


def parse(text: str) -> list[ErrorSignature]:
    """Every Python error in the text: tracebacks (with their chains), pytest failures, lone exception
    lines and SyntaxErrors, then warnings."""
    lines = [GROUP_BOX.sub("", line) for line in text.split("\n")] if "Exception Group" in text else text.split("\n")
    found = _tracebacks(lines) + _pytest_failures(lines)
    warnings = [signature for signature in found if (signature.error_type or "").endswith("Warning")]
    return [signature for signature in found if signature not in warnings] + warnings


def _tracebacks(lines: list[str]) -> list[ErrorSignature]:
    found: list[ErrorSignature] = []
    chain: list[ErrorSignature] = []
    index = 0
    while index < len(lines):
        if TRACEBACK.match(lines[index]) or _syntax_error_location(lines, index):
            error, index = _read_traceback(lines, index)
            if error is None:
                continue
            if _chained(lines, index):
                chain.append(error)
            else:
                found.append(error.with_chain(tuple(chain)) if chain else error)
                chain = []
            continue
        other_stack = any(OTHER_STACK.match(line) for line in lines[index + 1:index + 4])
        lone = None if other_stack else _lone_error(lines[index])
        if lone is not None:
            found.append(lone)
        index += 1
    found.extend(chain)  # a chain whose last traceback was cut off
    return found


def _pytest_failures(lines: list[str]) -> list[ErrorSignature]:
    """pytest's failure blocks: the first "E" line is the message, the location line names the type."""
    found = []
    for index, line in enumerate(lines):
        where = PYTEST_WHERE.match(line.strip())
        if not where or not EXCEPTION.match(where["type"]):
            continue
        messages = [m["text"] for m in map(PYTEST_E.match, lines[max(0, index - 12):index]) if m]
        message = f"{where['type']}: {messages[0].strip()}" if messages else where["type"]
        frame = Frame(where["file"], None, to_int(where["line"]), None, in_app(where["file"]))
        found.append(ErrorSignature(ECOSYSTEM, where["type"], message, frames=(frame,)))
    return found


def _read_traceback(lines: list[str], start: int) -> tuple[ErrorSignature | None, int]:
    """Read frames from ``start`` up to the exception line; return the error and the next index."""
    frames: list[Frame] = []
    code = ""
    index = start + 1 if TRACEBACK.match(lines[start]) else start
    while index < len(lines):
        line = lines[index]
        frame = FRAME.match(line)
        if frame:
            path, function = frame["file"], (frame["function"] or "").strip() or None
            frames.append(Frame(path, function, to_int(frame["line"]), None, in_app(path)))
            following = lines[index + 1] if index + 1 < len(lines) else ""
            code = following.strip() if following.startswith((" ", "\t")) and not FRAME.match(following) else ""
        elif (line.strip() and not line.startswith((" ", "\t"))
              and not line.lstrip().startswith(("^", "~", "[Previous"))):
            exception = EXCEPTION.match(line.strip()) or ANY_EXCEPTION.match(line.strip())
            if exception and frames:
                message = _with_continuation(lines, index, line.strip())
                return _signature(exception["type"], message, frames, code), index + 1
            return None, index + 1
        index += 1
    return None, index


def _with_continuation(lines: list[str], index: int, first: str) -> str:
    """Some messages continue on following lines (psycopg's DETAIL, multi-line reprs)."""
    extra = []
    for line in lines[index + 1:index + 4]:
        if not line.strip() or TRACEBACK.match(line) or CHAIN.match(line) or FRAME.match(line):
            break
        if line.startswith(("DETAIL:", "HINT:", "LINE ", "CONTEXT:")):
            extra.append(line.strip())
    return " ".join([first, *extra])


def _signature(error_type: str, message: str, frames: list[Frame], code: str) -> ErrorSignature:
    notes = tuple(re.findall(r"Did you mean:? [^?]+\?", message))
    context = (code,) if code and not set(code) <= set("^~ ") else ()
    return ErrorSignature(ECOSYSTEM, error_type, message, frames=collapse_recursion(frames), notes=notes,
                          context=context)


def _chained(lines: list[str], index: int) -> bool:
    for line in lines[index:index + 3]:
        if CHAIN.match(line):
            return True
        if line.strip():
            return False
    return False


def _syntax_error_location(lines: list[str], index: int) -> bool:
    """A SyntaxError printed without 'Traceback' starts with a File line and ends with SyntaxError."""
    if not FRAME.match(lines[index]) or (index > 0 and FRAME.match(lines[index - 1])):
        return False
    if index > 0 and lines[index - 1].strip() and not CHAIN.match(lines[index - 1]):
        return False
    following = "\n".join(lines[index + 1:index + 6])
    return bool(re.search(r"^(?:SyntaxError|IndentationError|TabError)\b", following, re.M))


def _lone_error(line: str) -> ErrorSignature | None:
    """'ModuleNotFoundError: No module named x' or a warning line, printed without a traceback."""
    warning = WARNING.match(line.strip())
    if warning:
        frame = Frame(warning["file"], None, to_int(warning["line"]), None, in_app(warning["file"]))
        return ErrorSignature(ECOSYSTEM, warning["type"], f"{warning['type']}: {warning['message']}", frames=(frame,))
    exception = EXCEPTION.match(SORRY.sub("", line.strip()))
    name = exception["type"].split(".")[-1] if exception else ""
    if exception and name in BUILTIN_EXCEPTIONS and name not in SHARED_WITH_JAVASCRIPT \
            and exception["message"] is not None:
        return ErrorSignature(ECOSYSTEM, exception["type"], SORRY.sub("", line.strip()))
    return None

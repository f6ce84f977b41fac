"""A paste is data: decode it, refuse what is not text, trim what is too long, strip terminal noise.

Steps, in order: decode (bytes or str; invalid UTF-8 is replaced, not fatal), refuse empty or
binary input with a clear message, keep the head and the tail of a huge paste (the final error is
usually at the end) and say so, drop ANSI colour and cursor codes, make line ends "\\n", and strip
the prefixes log formats put before every line (timestamps, levels, logger names, container names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khub.errors import KhubError

MAX_CHARS = 200_000  # about 3,000 lines of log: more than any one error needs
HEAD_CHARS = 20_000  # what to keep from the start of a longer paste; the rest of the budget is the tail
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LEVEL = r"(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRITICAL|CRIT|FATAL|SEVERE|EMERG|ALERT)"
LOG_PREFIXES = [
    # 2026-11-27 10:11:12,345 ERROR [django.request] message   |   [2026-11-27T10:11:12Z] ERROR: message
    re.compile(r"^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?"
               rf"(?:\s+\[?{LEVEL}\]?)?(?:\s+\[[^\]\n]{{1,80}}\])?(?:\s+[\w.$-]{{1,80}}(?=:\s))?\s*(?::|-|\|)?\s?"),
    # Nov 27 10:11:12 web01 gunicorn[812]: message  (syslog, journald)
    re.compile(r"^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [\w.-]+ [\w./-]+(?:\[\d+\])?: ?"),
    # ERROR:django.request:message  (Python logging's default format)
    re.compile(rf"^{LEVEL}:[\w.]+:"),
    # web-1  | message  (docker compose)
    re.compile(r"^[\w.-]{1,60}-\d+\s+\| ?"),
    # 2026/12/03 08:08:14 message  (Go's standard logger)
    re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? "),
    # [Thu Dec  3 08:06:43 2026] message  (Apache's error log, PHP's built-in server)
    re.compile(r"^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d+)? \d{4}\] ?"
               r"(?:\[[\w:]+\] )?(?:\[pid \d+(?::tid \d+)?\] )?(?:\[client [\w.:\[\]]+\] )?"),
]
# An error page's markup (PHP's display_errors in a browser): <b>Fatal error</b>:  Uncaught ... <br />
INLINE_MARKUP = re.compile(r"</?(?:b|i|em|strong|br|code|font)\b[^>\n]{0,80}>", re.I)


class PasteError(KhubError):
    """The paste cannot be diagnosed: empty, binary, or holding no error."""


@dataclass(frozen=True)
class Paste:
    """Pasted output made ready for the parsers, and what was done to it."""

    text: str
    notices: tuple[str, ...] = ()


def clean_paste(raw: str | bytes, max_chars: int = MAX_CHARS) -> Paste:
    """Prepare pasted error output for parsing, or raise PasteError saying what is wrong."""
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    if not text.strip():
        raise PasteError("the paste is empty; paste the output of the failing command, including the error line")
    _refuse_binary(text)
    notices = []
    if len(text) > max_chars:
        text = _head_and_tail(text, max_chars)
        notices.append(f"the paste was {len(raw):,} characters; kept the first {HEAD_CHARS:,} and the last "
                       f"{max_chars - HEAD_CHARS:,}, where the final error usually is")
    text = ANSI.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text, stray = CONTROL.subn("", text)
    if stray:
        notices.append(f"{stray:,} control character(s) (such as NUL bytes) were removed")
    text = INLINE_MARKUP.sub("", text)
    return Paste("\n".join(strip_log_prefix(line) for line in text.split("\n")), tuple(notices))


def strip_log_prefix(line: str) -> str:
    """Drop a log format's timestamp/level/logger prefix from one line, if it has one."""
    for pattern in LOG_PREFIXES:
        stripped = pattern.sub("", line, count=1)
        if stripped != line:
            return stripped
    return line


def _refuse_binary(text: str) -> None:
    sample = text[:20_000]
    unprintable = sum(1 for char in sample if char == "\ufffd" or (ord(char) < 32 and char not in "\n\r\t\x1b"))
    if unprintable > 0.1 * len(sample):  # a few stray bytes in a log are removed, not fatal
        raise PasteError(f"the paste looks like binary data ({unprintable:,} of {len(sample):,} characters are not "
                         "text); paste the text the program printed, not a file it wrote")


def _head_and_tail(text: str, max_chars: int) -> str:
    head = text[:HEAD_CHARS].rsplit("\n", 1)[0]
    tail = text[-(max_chars - HEAD_CHARS):].split("\n", 1)[-1]
    return f"{head}\n[... {len(text) - len(head) - len(tail):,} characters left out ...]\n{tail}"

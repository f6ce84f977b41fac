"""The fallback for output no ecosystem parser recognised: the last line that reads like an error.

Its ecosystem is what the paste's own file names say (``app/models/cart.rb:16`` is Ruby), so an
error of a language the archive does not cover is not matched as if it were one it does.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.diagnose.signature import ErrorSignature

ERROR_LINE = re.compile(
    r"^\s*(?:(?P<type>[A-Za-z_][\w.$\\]*(?:Error|Exception|Fault|Failure))(?:[:\s]\s*(?P<message>.*))?"
    r"|(?P<word>error|fatal|panic|FATAL|ERROR|Error)(?:\[[^\]]+\])?:\s*(?P<rest>.+))$"
)
# Ruby names the class last: "report.rb:3:in `+': no implicit conversion ... (TypeError)".
RUBY_ERROR = re.compile(r"^\s*(?P<file>[\w./<>-]+):\d+:in [`'][^']*': (?P<message>.+) \((?P<type>[A-Z][\w:]*)\)$")
# Many compilers put the location first: "cart.rb:16: syntax error, ...", "main.c:8:24: error: ..."
LOCATED_ERROR = re.compile(r"^\s*(?P<file>[\w./-]+\.\w+):\d+(?::\d+)?: "
                           r"(?P<message>(?:fatal error|error|syntax error|runtime error)\b.*)$")
# The last resort: a line that says something failed, in the words tools use for it.
FAILURE_LINE = re.compile(r"\b(?:errors?|fail(?:ed|ure|ures|s)?|FAIL|fatal|exception|denied|refused|not found"
                          r"|no such file|cannot|can't|could not|couldn't|unable to|panic|abort(?:ed|ing)?|overflow"
                          r"|segmentation fault|timed out|deadline exceeded|not allowed|unknown option|are required"
                          r"|data race|destroyed|unexpected|expecting|out of memory|doesn't exist|does not exist"
                          r"|already in use)\b", re.I)
SOURCE_FILE = re.compile(r"[\w/-]\.(?P<extension>[a-z]{1,4})(?=[:\s\"'(),]|$)")
ECOSYSTEM_OF_EXTENSION = {
    "py": "python", "js": "javascript", "mjs": "javascript", "cjs": "javascript", "jsx": "javascript",
    "ts": "typescript", "tsx": "typescript", "php": "php", "rs": "rust", "go": "go", "java": "java",
    "kt": "java", "cs": "dotnet", "vb": "dotnet", "rb": "ruby", "c": "c", "h": "c", "cc": "c", "cpp": "c",
    "hpp": "c", "sh": "shell", "sql": "sql",
}


def parse(text: str) -> list[ErrorSignature]:
    """One signature from the last error-like line, in the ecosystem the paste's file names point to;
    failing that, from the last line that says something failed."""
    return _error_line(text) or _failure_line(text)


def _failure_line(text: str) -> list[ErrorSignature]:
    for line in reversed(text.split("\n")):
        if FAILURE_LINE.search(line) and len(line.strip()) > 8:
            return [ErrorSignature(ecosystem_of(text), None, line.strip()[:500])]
    return []


def _error_line(text: str) -> list[ErrorSignature]:
    for line in reversed(text.split("\n")):
        match = ERROR_LINE.match(line)
        if match:
            error_type = match["type"] or match["word"].lower()
            return [ErrorSignature(ecosystem_of(text), error_type, line.strip())]
        ruby = RUBY_ERROR.match(line)
        if ruby:
            return [ErrorSignature(ecosystem_of(text), ruby["type"], f"{ruby['type']}: {ruby['message'].strip()}")]
        located = LOCATED_ERROR.match(line)
        if located:
            return [ErrorSignature(ecosystem_of(text), "error", located["message"].strip())]
    return []


def ecosystem_of(text: str) -> str:
    """The language most of the paste's source file names belong to, or "unknown"."""
    seen = Counter(ECOSYSTEM_OF_EXTENSION[m["extension"]] for m in SOURCE_FILE.finditer(text)
                   if m["extension"] in ECOSYSTEM_OF_EXTENSION)
    return seen.most_common(1)[0][0] if seen else "unknown"

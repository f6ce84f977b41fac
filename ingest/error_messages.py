"""How error messages are keyed for matching: a template, error codes, and an ecosystem.

The same functions key an archive entry's ``error_message`` and ``message_variants`` (once, at
ingest) and the message parsed from a user's paste (at diagnosis), so both meet in one form.

Templates follow the idea of Sentry's grouping: what varies between two occurrences of the same
error (numbers, quoted names, paths, addresses, ids, URLs, times) becomes a placeholder, so
``NameError: name 'totl' is not defined`` and ``NameError: name 'x' is not defined`` share the
template ``nameerror: name <v> is not defined``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Bump when templates or codes change: indexes keyed with another version are re-keyed on ingest.
KEYS_VERSION = "6"

# Order matters: wider patterns first, so a URL is not cut into a path and numbers.
_PLACEHOLDERS = [
    (re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s'\"`<>)]+", re.I), "<url>"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I), "<uuid>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(z|[+-]\d{2}:?\d{2})?\b", re.I), "<time>"),
    (re.compile(r"\b\d{2}:\d{2}:\d{2}([.,]\d+)?\b"), "<time>"),
    # Quoted values, but not quoted punctuation: "'(' was never closed" is not "'[' was never closed".
    (re.compile(r"'(?=[^'\n]{0,200}[\w$])[^'\n]{0,200}'|\"(?=[^\"\n]{0,200}[\w$])[^\"\n]{0,200}\""
                r"|`(?=[^`\n]{0,200}[\w$])[^`\n]{0,200}`|‘[^’\n]{0,200}’|“[^”\n]{0,200}”"), "<v>"),
    (re.compile(r"(?:[a-z]:)?(?:[\\/][\w.@+~-]{1,200}){2,50}(?::\d+){0,2}", re.I), "<path>"),
    (re.compile(r"\b[\w.-]{1,200}\.(?:py|js|mjs|cjs|ts|tsx|jsx|php|rs|go|java|cs|vb|rb|sql)(?::\d+){0,2}\b", re.I),
     "<path>"),
    (re.compile(r"\b0x[0-9a-f]+\b", re.I), "<hex>"),
    (re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b", re.I), "<hex>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<ip>"),
    (re.compile(r"\$[a-z_]\w*", re.I), "$<v>"),  # PHP variables
    # Names printed without quotes (V8: "users.findAll is not a function"), and the placeholder
    # names documentation uses ("x is not a function"): a name, as a quoted one would be.
    (re.compile(r"(?<![\w<$])[A-Za-z_$][\w$]{0,100}(?:\.[A-Za-z_$][\w$]{0,100}){1,20}(?:\(\))?(?![\w>])"), "<v>"),
    (re.compile(r"(?<![\w<$])(?:[a-z]{1,100}[A-Z]\w{0,100}|\w{1,100}_\w{1,100})(?:\(\))?(?![\w>])"), "<v>"),
    (re.compile(r"(?<![\w<$.-])(?:x|y|z|foo|bar)(?![\w>.-])"), "<v>"),
    (re.compile(r"(?<![\w<])[-+]?\d+(?:[.,]\d+)*(?![\w>])"), "<n>"),
]
_SPACES = re.compile(r"\s+")
_CODE_PATTERNS = [
    re.compile(r"\b(E\d{4})\b"),  # rustc
    re.compile(r"\b(TS\d{4,5})\b"),  # TypeScript
    re.compile(r"\b(CS\d{4})\b"),  # C# compiler
    re.compile(r"\b(BC\d{5})\b"),  # VB.NET compiler
    re.compile(r"\bSQLSTATE\[?\s*([0-9A-Z]{5})\b"),
    re.compile(r"\bERROR\s+(\d{4})\b"),  # MySQL / MariaDB client
    re.compile(r"SQLSTATE\[[0-9A-Z]{5}\]:[^:\n]{0,100}:\s*(\d{4})\b"),  # PDO wrapping a MySQL error number
]
_CODE_LIKE = re.compile(r"^(?:E\d{4}|TS\d{4,5}|CS\d{4}|BC\d{5}|\d{4}|[0-9A-Z]{5})$")

# Which runtime or tool an entry's languages and tags point to; a paste is matched within its own.
ECOSYSTEM_OF_LANGUAGE = {
    "python": "python", "django": "python", "flask": "python", "fastapi": "python",
    "javascript": "javascript", "js": "javascript", "react": "javascript", "nodejs": "javascript",
    "node": "javascript", "express": "javascript",
    "typescript": "typescript", "ts": "typescript",
    "php": "php", "wordpress": "php", "laravel": "php",
    "rust": "rust", "go": "go", "golang": "go", "java": "java", "kotlin": "java",
    "csharp": "dotnet", "c#": "dotnet", "vbnet": "dotnet", "vb.net": "dotnet", "dotnet": "dotnet", ".net": "dotnet",
    "sql": "sql", "mysql": "sql", "mariadb": "sql", "postgresql": "sql", "postgres": "sql", "sqlite": "sql",
    "http": "http", "css": "css", "html": "html", "git": "git", "ruby": "ruby", "c": "c",
    "bash": "shell", "shell": "shell", "sh": "shell",
}
# Application frameworks, and the words their output shows (in paths, module and package names): an
# entry about one explains an error only where that framework runs.
FRAMEWORK_SIGNS = {
    "react": ("react",), "vue": ("vue",), "angular": ("angular",), "nextjs": ("next",), "express": ("express",),
    "django": ("django",), "flask": ("flask", "werkzeug"), "fastapi": ("fastapi", "starlette"),
    "wordpress": ("wordpress", "wp"), "laravel": ("laravel", "illuminate"), "symfony": ("symfony",),
    "rails": ("rails", "activesupport", "actionpack"), "spring": ("springframework",),
    "winforms": ("winforms", "forms"), "wpf": ("wpf",), "aspnet": ("aspnet", "aspnetcore"),
}
FRAMEWORKS = frozenset(FRAMEWORK_SIGNS)


MAX_MESSAGE = 2_000  # longer messages are cut: what identifies an error is in its first words


_TYPE_PREFIX = re.compile(r"^[A-Za-z_][\w.$\\]{0,200}(?:\[[A-Z]{0,2}\d{1,5}\])?: ")


def message_template(message: str) -> str:
    """The message with its varying parts replaced by placeholders, lower-cased, one line.

    A leading error type ("psycopg.errors.ForeignKeyViolation: ") is kept as it is: it names the
    error, it is no value that varies.
    """
    text = message.strip()[:MAX_MESSAGE]
    prefix = _TYPE_PREFIX.match(text)
    head, text = (prefix.group(0), text[prefix.end():]) if prefix else ("", text)
    for pattern, placeholder in _PLACEHOLDERS:
        text = pattern.sub(placeholder, text)
    return _SPACES.sub(" ", head + text).strip().rstrip(".").lower()


def codes_in(text: str) -> set[str]:
    """Error codes printed in a text: E0382, TS2322, CS0103, 1452 (MySQL), 23503 (SQLSTATE)."""
    return {match.group(1) for pattern in _CODE_PATTERNS for match in pattern.finditer(text[:MAX_MESSAGE])}


def entry_codes(error_type: str | None, messages: Iterable[str]) -> set[str]:
    """The codes an error entry answers to: its error type when it is a code, and codes in its messages."""
    codes = {error_type.strip()} if error_type and _CODE_LIKE.match(error_type.strip()) else set()
    for message in messages:
        codes |= codes_in(message)
    return codes


def ecosystems_of(languages: Iterable[str], tags: Iterable[str] = ()) -> set[str]:
    """The ecosystems an entry belongs to, from its languages (and tags naming a language)."""
    found = {ECOSYSTEM_OF_LANGUAGE[name.lower()] for name in languages if name.lower() in ECOSYSTEM_OF_LANGUAGE}
    if not found:
        found = {ECOSYSTEM_OF_LANGUAGE[name.lower()] for name in tags if name.lower() in ECOSYSTEM_OF_LANGUAGE}
    return found


# How an error line starts, in the tools' own grammars: "TypeError: ...", "error[E0382]: ...",
# "PHP Fatal error: ...", "ERROR 1452 (23000): ...", "SQLSTATE[23000]: ...", "panic: ...".
ERROR_LINE = re.compile(
    r"^(?:Uncaught (?:\(in promise\) )?)?(?P<head>[A-Za-z_][\w.$\\]*(?:Error|Exception|Warning)"
    r"|error(?:\[\w+\])?|warning(?:\[\w+\])?|(?:PHP )?(?:Fatal error|Parse error|Warning|Notice|Deprecated)"
    r"|ERROR(?: \d+)?(?: \(\w+\))?|panic|fatal error|SQLSTATE\[\w+\])\s*:\s*\S"
)
# Reference pages name the engine after a message: "TypeError: x is not iterable (V8-based & Firefox)".
ENGINE_NOTE = re.compile(r"\s+\((?:[A-Z][\w-]*(?:[ -][A-Z][\w-]*)*)"
                         r"(?:\s*(?:&|,|and)\s*[A-Z][\w-]*(?:[ -][\w-]+)*)*\)\s*$")
COMMENT = re.compile(r"^\s*(?://|#|--|>)\s*")
UNCAUGHT = re.compile(r"^Uncaught (?:\(in promise\) )?")  # a console's prefix, not part of the message
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"`([^`\n]{8,300})`")


def stated_messages(error_message: str, variants: Iterable[str], error_type: str | None, body: str) -> list[str]:
    """Every message an error entry states: its ``error_message`` and ``message_variants``, and the
    error lines its own text quotes in code (reference pages list each engine's wording; examples
    show the error they raise in a comment; explanations quote the compiler's output).

    A quoted line counts when it reads as an error line and names the entry's own error (its code,
    or its error type), so an example's mention of some other error is not taken for this one.
    """
    given = [error_message, *variants]
    own = entry_codes(error_type, given) | {_type_of(message) for message in given} - {""}
    found = []
    for line in _code_lines(body):
        line = UNCAUGHT.sub("", ENGINE_NOTE.sub("", COMMENT.sub("", line).strip()).strip())
        if ERROR_LINE.match(line) and (codes_in(line) | {_type_of(line)}) & own:
            found.append(line)
    return list(dict.fromkeys([*given, *found]))


def _type_of(message: str) -> str:
    """The error type a message names ("TypeError" in "Uncaught TypeError: x"), or ''."""
    match = ERROR_LINE.match(message.strip())
    return match["head"].split(".")[-1] if match and match["head"][0].isupper() and " " not in match["head"] else ""


def _code_lines(body: str) -> Iterable[str]:
    """The lines of a Markdown body's fenced code blocks, and its inline code spans."""
    fence: str | None = None
    for line in body.split("\n"):
        marker = FENCE.match(line)
        if fence is not None:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            else:
                yield line
        elif marker:
            fence = marker.group(1)
        else:
            yield from INLINE_CODE.findall(line)

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
KEYS_VERSION = "5"

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
    (re.compile(r"\b[\w.-]{1,200}\.(?:py|js|mjs|cjs|ts|tsx|jsx|php|rs|go|java|cs|vb|rb|sql)(?::\d+){0,2}\b", re.I), "<path>"),
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
}


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


# Frameworks an entry can be specific to, and what shows a paste comes from them. An entry about a
# framework's error is a worse answer for a paste with no sign of that framework.
FRAMEWORK_MARKERS = {
    "react": ("react", ".jsx", ".tsx", "usestate", "useeffect"),
    "vue": ("vue",), "angular": ("angular", "ng0"), "express": ("express",), "nextjs": ("next/", "next.js"),
    "django": ("django",), "flask": ("flask", "werkzeug"), "fastapi": ("fastapi", "starlette", "uvicorn"),
    "wordpress": ("wordpress", "wp-content", "wp-includes", "wp-admin", "wp-config"),
    "laravel": ("laravel", "illuminate\\"), "pdo": ("pdo", "->prepare(", "prepare()"),
    "winforms": ("winforms", "system.windows.forms", "datagridview"),
}


def frameworks_of(languages: Iterable[str], tags: Iterable[str]) -> set[str]:
    """The frameworks an entry is specific to, from its languages and tags."""
    names = {name.lower() for name in [*languages, *tags]}
    return {framework for framework in FRAMEWORK_MARKERS if framework in names}


def frameworks_in(text: str) -> set[str]:
    """The frameworks a paste shows signs of."""
    lowered = text.lower()
    return {framework for framework, markers in FRAMEWORK_MARKERS.items() if any(m in lowered for m in markers)}

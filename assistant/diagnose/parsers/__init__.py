"""One parser module per ecosystem, behind one interface: ``parse(text) -> list[ErrorSignature]``.

Each parser returns the errors it recognises in the text, most important first (an empty list when
the text holds none of its kind). ``parse_errors`` runs them all, so a psycopg error inside a Python
traceback is seen by both the Python and the SQL parser, and falls back to the generic parser.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from assistant.diagnose.parsers import dotnet, generic, go, java, javascript, php, python, rust, sql, tools, typescript
from assistant.diagnose.signature import ErrorSignature

log = logging.getLogger("khub.diagnose")

PARSERS: dict[str, Callable[[str], list[ErrorSignature]]] = {
    "python": python.parse,
    "javascript": javascript.parse,
    "typescript": typescript.parse,
    "php": php.parse,
    "java": java.parse,
    "dotnet": dotnet.parse,
    "go": go.parse,
    "rust": rust.parse,
    "sql": sql.parse,
    "tools": tools.parse,  # one-line errors of shells, git, pip, npm, make and interpreters that cannot start
}


MAX_LINE = 4_000  # no error line is longer; cutting longer ones bounds every parser's work


def parse_errors(text: str) -> list[ErrorSignature]:
    """Every error found in the text, the primary one first (the one with the richest stack)."""
    text = "\n".join(line[:MAX_LINE] for line in text.split("\n"))
    groups = []
    for name, parse in PARSERS.items():
        try:
            found = parse(text)
        except Exception:  # a parser bug must not cost the user the other parsers' findings
            log.warning("the %s parser failed on this paste; other parsers still ran", name, exc_info=True)
            continue
        if found:
            groups.append(found)
    if not groups:
        return generic.parse(text)
    groups.sort(key=lambda group: (-len(group[0].frames), -_position(text, group[0])))
    ordered = [signature for group in groups for signature in group]
    unique: dict[tuple[str, str], ErrorSignature] = {}  # the first of each (ecosystem, message), in order
    for signature in ordered:
        unique.setdefault((signature.ecosystem, signature.message), signature)
    return list(unique.values())


def _position(text: str, signature: ErrorSignature) -> int:
    """Where the error's message appears in the text (later errors are usually the final ones)."""
    return text.rfind(signature.message.split(": ", 1)[-1][:60])

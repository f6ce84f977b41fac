"""Validate one raw record (from Markdown, JSONL or CSV) into an Entry, or reject it with a fix."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from ingest.entry import KINDS, KNOWN_FIELDS, LEVEL_ALIASES, LEVELS, REQUIRED_FIELDS, Entry
from ingest.problems import reject
from khub.settings import max_entry_bytes

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/+:@-]*$")
MAX_ID_LENGTH = 200
EXTRA_FIELDS = ("error_type", "audience", "section", "answer", "source", "source_path", "source_url",
                "license", "error_message_origin", "author", "updated")


def validate_record(raw: Mapping, where: str) -> Entry:
    """Turn a raw mapping into an Entry; raise EntryRejected naming the field and the fix."""
    if not isinstance(raw, Mapping):
        reject(where, f"expected a mapping of fields, got {type(raw).__name__}",
               "write the entry as key: value pairs (YAML front matter or a JSON object)")
    entry_id = _entry_id(raw, where)
    _check_fields(raw, where, entry_id)
    kind = _choice(raw, "kind", KINDS, where, entry_id)
    error_message = _optional_text(raw, "error_message", where, entry_id)
    if kind == "error" and not error_message:
        reject(where, "an entry of kind 'error' needs the message as the tool prints it",
               "add error_message: \"<the exact error line>\"", "error_message", entry_id)
    return Entry(
        id=entry_id,
        kind=kind,
        title=_required_text(raw, "title", where, entry_id),
        body=_body(raw, where, entry_id),
        languages=_languages(raw, where, entry_id),
        level=_level(raw, where, entry_id),
        tags=_string_list(raw, "tags", where, entry_id),
        error_message=error_message,
        message_variants=_string_list(raw, "message_variants", where, entry_id),
        origin=where,
        extra={name: raw[name] for name in EXTRA_FIELDS if raw.get(name) not in (None, "")},
    )


def _entry_id(raw: Mapping, where: str) -> str:
    value = raw.get("id")
    if value is None or (isinstance(value, str) and not value.strip()):
        reject(where, "the entry has no id", "add a unique id such as id: qa/my-question", "id")
    text = str(value).strip()
    if len(text) > MAX_ID_LENGTH or not ID_PATTERN.match(text):
        reject(where, f"id {text[:60]!r} is not a valid id",
               "use letters, digits and . _ / + : @ - only, starting with a letter or digit "
               f"(at most {MAX_ID_LENGTH} characters), e.g. error/pdo-conn-scope", "id")
    return text


def _check_fields(raw: Mapping, where: str, entry_id: str) -> None:
    for name in raw:
        if name not in KNOWN_FIELDS:
            close = difflib.get_close_matches(str(name), KNOWN_FIELDS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(KNOWN_FIELDS)}"
            reject(where, f"unknown field '{name}'", hint, str(name), entry_id)
    for name in REQUIRED_FIELDS:
        if raw.get(name) in (None, ""):
            reject(where, f"required field '{name}' is missing", _missing_hint(name), name, entry_id)


def _missing_hint(name: str) -> str:
    examples = {"kind": f"add kind: one of {', '.join(KINDS)}", "title": "add title: <a one-line title>"}
    return examples.get(name, f"add {name}: ...")


def _choice(raw: Mapping, name: str, choices: tuple[str, ...], where: str, entry_id: str) -> str:
    value = str(raw[name]).strip().lower()
    if value not in choices:
        reject(where, f"{value!r} is not a valid {name}", f"use one of {', '.join(choices)}", name, entry_id)
    return value


def _required_text(raw: Mapping, name: str, where: str, entry_id: str) -> str:
    text = _optional_text(raw, name, where, entry_id)
    if not text:
        reject(where, f"field '{name}' is empty", _missing_hint(name), name, entry_id)
    return text


def _optional_text(raw: Mapping, name: str, where: str, entry_id: str) -> str | None:
    value = raw.get(name)
    if value is None:
        return None
    if isinstance(value, (list, dict, tuple)):
        reject(where, f"expected text, got a {type(value).__name__}", f"write {name} as a single string",
               name, entry_id)
    return str(value).strip() or None


def _body(raw: Mapping, where: str, entry_id: str) -> str:
    body = _optional_text(raw, "body", where, entry_id)
    if not body:
        reject(where, "the entry has no body text",
               "write the entry's text below the front matter (or in the 'body' field)", "body", entry_id)
    limit = max_entry_bytes()
    size = len(body.encode("utf-8"))
    if size > limit:
        reject(where, f"the body is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit of one entry",
               "split it into several entries, move logs or dumps out of the archive, or raise "
               "KHUB_MAX_ENTRY_BYTES", "body", entry_id)
    return body


def _string_list(raw: Mapping, name: str, where: str, entry_id: str) -> tuple[str, ...]:
    value = raw.get(name)
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return (value.strip(),)
    if not isinstance(value, (list, tuple)) or any(isinstance(item, (list, dict)) for item in value):
        reject(where, f"expected a list of strings, got {value!r:.60}", f"write {name}: [first, second]",
               name, entry_id)
    return tuple(str(item).strip() for item in value if item is not None and str(item).strip())


def _languages(raw: Mapping, where: str, entry_id: str) -> tuple[str, ...]:
    found = _string_list(raw, "languages", where, entry_id) + _string_list(raw, "language", where, entry_id)
    return tuple(dict.fromkeys(language.lower() for language in found))


def _level(raw: Mapping, where: str, entry_id: str) -> str | None:
    value = raw.get("level")
    if value in (None, ""):
        return None
    level = str(value).strip().lower()
    level = LEVEL_ALIASES.get(level, level)
    if level not in LEVELS:
        aliases = ", ".join(f"{alias}→{target}" for alias, target in LEVEL_ALIASES.items())
        reject(where, f"{value!r} is not a valid level", f"use one of {', '.join(LEVELS)} (also accepted: {aliases})",
               "level", entry_id)
    return level

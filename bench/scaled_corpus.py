"""Write a scaled benchmark corpus: K deterministic variants of every public entry.

    .venv/bin/python bench/scaled_corpus.py [--variants 8] [--out /tmp/khub-bench/scaled.jsonl]
                                            [--seed 7] [--corpus FILE] [--check]

Reads the public entries (default ../shared/corpus-public/entries.jsonl, i.e.
/work/shared/corpus-public/entries.jsonl; skipped with a message when missing) and writes,
for v = 1..K, variant v of every entry (variant-major, so the file for K=3 is a prefix of the
file for K=8). With the default K=8, corpus/ + the public file + the scaled file make
about 112,000 chunks (run with ``--check`` to count them with khub's own chunker, without
embedding anything). Every variant is made from its own random generator, seeded by
(--seed, entry id, v), so the output is byte-for-byte the same on every run.

How an entry is varied (variant v of entry E):

* id: ``<E.id>@v<v>`` (khub ids may not contain "~"), unique across the archive.
* title: E's title plus a variant qualifier, ``QUALIFIERS[v-1]`` (e.g. "— team notes",
  "(legacy codebase)"); the 12 qualifiers are distinct, and from v=13 on " #<v>" is added too.
  Every chunk text starts with "title › section", so no chunk or lead text of a variant
  equals one of the original or of another variant: none is a vector-cache hit.
* sections stay sections: headings are kept word for word and in place, so each variant is
  chunked into the same sections as its original; code blocks stay where they are.
* paragraphs: inside each section the first prose paragraph stays first (it states the
  topic, or holds a Q&A's "**Q: ...**" line) and the other prose paragraphs are rotated by a
  random step among their places; a paragraph ending in ":" (it introduces a code block or
  list) and the block after it stay where they are, and so do tables. Bullet lists whose lines are all single-line items
  ("- ", "* ", "+ ") are shuffled.
* wording: prose (never code blocks, inline `code`, links, URLs or HTML tags) goes through a
  small technical-synonym table (``SYNONYMS``: "usually"/"typically"/"generally",
  "directory"/"folder", "for example"/"for instance", ...), each occurrence swapped for a
  random other member of its group, keeping capitals and fixing "a"/"an" before it; a
  capitalised word inside a sentence is left alone (it is part of a name).
* code: names the code defines (``def f``, ``function f``, ``const/let/var x``, ``fn f``,
  ``class C``, ``struct S``, ``x = ...`` at the start of a line, ...), except keywords,
  builtins and a few framework names, are renamed consistently in all code blocks and inline
  code spans of the entry: a part of the name is swapped through ``NAME_PARTS``
  (data→payload, value→val, count→total, ...), or, if no part is in the table, a suffix is
  added in the name's own style (``parse_row`` → ``parse_row_local``, ``toCsv`` →
  ``toCsvImpl``). Property accesses (``.name``) and quoted strings are left alone.
* everything else (kind, tags, language, level, source, error_message, message_variants,
  ...) is copied as is: an error variant still quotes the exact message the tool prints.

``--check`` loads corpus/ + the public file + the written file with khub's loader, chunks
them with khub's chunker (word pieces counted by the model's tokenizer, no embedding) and
prints the chunk counts, how many variant chunk texts equal an original chunk text (the
vector-cache hits: must be 0) and how many variant chunk bodies are unchanged apart from the
title prefix.
"""

from __future__ import annotations

import argparse
import builtins
import json
import keyword
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus-public" / "entries.jsonl"
DEFAULT_OUT = Path("/tmp/khub-bench/scaled.jsonl")
DEFAULT_VARIANTS = 8  # corpus/ + public (~12.5k chunks) + 8 x ~12.4k chunks ≈ 112k chunks
DEFAULT_SEED = 7

QUALIFIERS = (
    "— team notes", "(revisited)", "in practice", "— quick reference", "(annotated)", "— worked example",
    "(legacy codebase)", "— field notes", "(review checklist)", "— troubleshooting notes",
    "(onboarding notes)", "— FAQ digest",
)

# Groups of interchangeable words or phrases in technical prose; only forms that cannot be
# read as another part of speech where they stand (no "use", "check", "fix", "example").
SYNONYMS = (
    ("returns", "gives back"),
    ("creates", "builds", "constructs"),
    ("removes", "deletes"),
    ("ensures", "guarantees", "makes sure"),
    ("ensure", "make sure"),
    ("allows", "permits", "enables"),
    ("provides", "offers", "supplies"),
    ("contains", "holds", "includes"),
    ("usually", "typically", "normally", "generally"),
    ("often", "frequently", "commonly"),
    ("quickly", "rapidly"),
    ("simple", "straightforward", "basic"),
    ("large", "big", "sizeable"),
    ("important", "essential", "crucial"),
    ("directory", "folder"),
    ("directories", "folders"),
    ("application", "app"),
    ("applications", "apps"),
    ("modify", "alter"),
    ("retrieve", "fetch", "obtain"),
    ("correctly", "properly"),
    ("currently", "presently"),
    ("multiple", "several"),
    ("entire", "whole"),
    ("useful", "handy", "helpful"),
    ("however", "nevertheless"),
    ("for example", "for instance"),
    ("issue", "problem"),
    ("issues", "problems"),
    ("specify", "indicate"),
    ("immediately", "instantly"),
    ("easily", "readily"),
    ("begin", "start"),
    ("begins", "starts"),
    ("obvious", "evident"),
    ("probably", "likely"),
    ("developers", "programmers", "engineers"),
)

# Parts of identifiers and what a variant may call them instead.
NAME_PARTS = {
    "data": ("payload", "input"), "value": ("val", "amount"), "values": ("vals", "items"),
    "list": ("items", "seq"), "arr": ("values", "items"), "array": ("items", "seq"),
    "result": ("output", "res"), "results": ("outputs", "matches"), "count": ("total", "tally"),
    "item": ("element", "entry"), "items": ("elements", "entries"), "str": ("text", "s"),
    "string": ("text", "chars"), "num": ("number", "n"), "obj": ("record", "target"),
    "key": ("field", "prop"), "index": ("position", "idx"), "idx": ("pos", "index"),
    "get": ("fetch", "read"), "create": ("make", "build"), "parse": ("decode", "read"),
    "build": ("make", "assemble"), "user": ("account", "member"), "name": ("label", "title"),
    "config": ("settings", "options"), "handler": ("callback", "listener"), "callback": ("cb", "handler"),
    "res": ("response", "reply"), "req": ("request", "incoming"), "fn": ("func", "op"),
    "func": ("fn", "op"), "el": ("node", "elem"), "element": ("node", "elem"), "node": ("el", "vertex"),
    "file": ("doc", "path"), "path": ("location", "route"), "url": ("link", "endpoint"),
    "id": ("ident", "key"), "text": ("content", "str"), "msg": ("message", "note"),
    "message": ("msg", "note"), "size": ("len", "length"), "len": ("size", "length"),
    "length": ("size", "len"), "map": ("table", "lookup"), "set": ("assign", "put"),
    "add": ("append", "push"), "remove": ("drop", "discard"), "delete": ("drop", "erase"),
    "update": ("refresh", "patch"), "load": ("read", "fetch"), "save": ("store", "write"),
    "check": ("verify", "test"), "is": ("has", "can"), "to": ("as", "into"), "from": ("of", "by"),
    "max": ("upper", "limit"), "min": ("lower", "floor"), "sum": ("total", "acc"),
    "temp": ("tmp", "scratch"), "tmp": ("temp", "scratch"), "foo": ("alpha", "widget"),
    "bar": ("beta", "gadget"), "baz": ("gamma", "gizmo"), "state": ("status", "store"),
    "counter": ("tally", "ticker"), "person": ("member", "customer"), "point": ("coord", "pos"),
}
NAME_SUFFIXES = ("local", "impl", "helper", "v2", "safe", "inner", "fast", "alt")

KEEP_NAMES = set(keyword.kwlist) | set(dir(builtins)) | {
    # JavaScript / TypeScript
    "var", "let", "const", "function", "return", "this", "new", "typeof", "instanceof", "undefined", "null",
    "true", "false", "async", "await", "yield", "export", "default", "import", "require", "module", "exports",
    "console", "window", "document", "constructor", "prototype", "super", "extends", "implements", "interface",
    "type", "enum", "static", "get", "set", "of", "in", "React", "Component", "render", "props", "state",
    "useState", "useEffect", "useRef", "useMemo", "useCallback", "useContext", "useReducer", "children",
    "App", "Promise", "Array", "Object", "String", "Number", "Boolean", "Map", "Set", "Symbol", "Error",
    "JSON", "Math", "Date", "RegExp", "fetch", "process", "global", "globalThis", "arguments", "key", "ref",
    # Rust
    "fn", "mut", "impl", "trait", "struct", "pub", "crate", "mod", "use", "match", "Self", "self", "Some",
    "None", "Ok", "Err", "Option", "Result", "Box", "Vec", "main", "where", "dyn", "unsafe", "loop",
    # Python and others
    "cls", "__init__", "__name__", "__main__", "args", "kwargs", "setUp", "tearDown", "app", "Rc", "Arc",
}

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,2})\s+(.+?)\s*#*\s*$")  # as ingest.chunk: the headings that make sections
BULLET = re.compile(r"^\s*[-*+]\s+\S")
PROTECTED = re.compile(r"(`+[^`]*`+|\[[^\]]*\]\([^)]*\)|<[^>\n]+>|https?://\S+)")
INLINE_CODE = re.compile(r"`+[^`]*`+")
DEFINITIONS = (
    re.compile(r"\b(?:def|function|const|let|var|fn|class|struct|enum|trait|interface)\s+(?:mut\s+)?([A-Za-z_$][\w$]*)"),
    re.compile(r"^[ \t]*([A-Za-z_][\w]*)[ \t]*=(?!=)", re.M),
)
CAMEL_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def main() -> int:
    args = _parse_args()
    if not args.corpus.is_file():
        print(f"skipped: no public corpus at {args.corpus} (pass --corpus FILE)")
        return 0
    if args.variants < 1:
        print("error: --variants must be at least 1", file=sys.stderr)
        return 2
    if args.out.suffix.lower() != ".jsonl":
        print("error: --out must end in .jsonl (khub reads JSON lines by that suffix)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    originals = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").split("\n") if line.strip()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with args.out.open("w", encoding="utf-8") as out:
        for variant in range(1, args.variants + 1):
            for record in originals:
                out.write(json.dumps(vary(record, variant, args.seed), ensure_ascii=False) + "\n")
                written += 1
    print(f"wrote {written} entries ({len(originals)} public entries x {args.variants} variants, seed {args.seed}) "
          f"to {args.out} in {time.perf_counter() - started:.1f} s")
    if args.check:
        check(args.corpus, args.out)
    return 0


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", type=int, default=DEFAULT_VARIANTS,
                        help=f"variants per entry (default {DEFAULT_VARIANTS})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSONL file to write (default {DEFAULT_OUT})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the public entries to vary")
    parser.add_argument("--check", action="store_true", help="count chunks with khub's chunker (no embedding)")
    return parser.parse_args()


# ---------------------------------------------------------------- one variant


def vary(record: dict, variant: int, seed: int) -> dict:
    """Variant ``variant`` (1-based) of one raw entry record; deterministic in (seed, id, variant)."""
    rng = random.Random(f"{seed}|{record['id']}|{variant}")
    out = dict(record)
    out["id"] = f"{record['id']}@v{variant}"
    qualifier = QUALIFIERS[(variant - 1) % len(QUALIFIERS)]
    if variant > len(QUALIFIERS):
        qualifier += f" #{variant}"
    out["title"] = f"{str(record['title']).rstrip()} {qualifier}"
    body = record.get("body") or ""
    if body:
        out["body"] = vary_body(body, rng)
    return out


def vary_body(body: str, rng: random.Random) -> str:
    blocks = _blocks(body)
    renames = _renames([text for kind, text in blocks if kind == "code"], body, rng)
    sections: list[list[tuple[str, str]]] = [[]]
    for kind, text in blocks:
        if kind == "heading":
            sections.append([(kind, text)])
        else:
            sections[-1].append((kind, text))
    varied: list[str] = []
    for section in sections:
        for kind, text in _rotate(section, rng):
            if kind == "code":
                varied.append(_rename_code(text, renames))
            elif kind == "text":
                varied.append(_vary_prose(_shuffle_list(text, rng), rng, renames))
            else:  # headings and tables as they are
                varied.append(text)
    return "\n\n".join(varied) + "\n"


def _blocks(body: str) -> list[tuple[str, str]]:
    """("heading" | "code" | "table" | "text", exact text) in order; blank lines separate paragraphs."""
    blocks: list[tuple[str, str]] = []
    lines: list[str] = []
    fence: str | None = None

    def close() -> None:
        text = "\n".join(lines).strip("\n")
        if text.strip():
            blocks.append(("table" if text.lstrip().startswith("|") else "text", text))
        lines.clear()

    for line in body.split("\n"):
        marker = FENCE.match(line)
        if fence is not None:
            lines.append(line)
            if marker and marker.group(1) == fence:
                blocks.append(("code", "\n".join(lines)))
                lines.clear()
                fence = None
        elif marker:
            close()
            lines.append(line)
            fence = marker.group(1)
        elif HEADING.match(line) or line.lstrip().startswith("#"):
            close()
            blocks.append(("heading", line))
        elif not line.strip():
            close()
        else:
            lines.append(line)
    if fence is not None:  # a fence left open: keep it as code
        blocks.append(("code", "\n".join(lines)))
        lines.clear()
    close()
    return blocks


def _rotate(section: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]]:
    """Keep the first prose paragraph first; rotate the section's other free prose paragraphs among their slots.

    A paragraph ending in ":" introduces what follows it, so it and the block after it stay put.
    """
    pinned: set[int] = set()
    for i, (kind, text) in enumerate(section):
        if kind == "text" and text.rstrip().endswith(":"):
            pinned.update((i, i + 1))
    slots = [i for i, (kind, _) in enumerate(section) if kind == "text"][1:]
    slots = [i for i in slots if i not in pinned]
    if len(slots) < 2:
        return section
    step = rng.randrange(1, len(slots))
    moved = [section[slot] for slot in slots]
    moved = moved[step:] + moved[:step]
    result = list(section)
    for slot, block in zip(slots, moved):
        result[slot] = block
    return result


def _shuffle_list(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    if len(lines) >= 3 and all(BULLET.match(line) for line in lines):
        rng.shuffle(lines)
    return "\n".join(lines)


_SYNONYM_OF = {word: group for group in SYNONYMS for word in group}
_SYNONYM_RE = re.compile(
    r"\b(?:(a|an)\s+)?(" + "|".join(sorted((re.escape(w) for w in _SYNONYM_OF), key=len, reverse=True)) + r")\b",
    re.I,
)


def _vary_prose(text: str, rng: random.Random, renames: dict[str, str]) -> str:
    """Swap synonyms outside protected spans; rename code names inside inline code spans."""
    parts = PROTECTED.split(text)
    for i, part in enumerate(parts):
        if i % 2:  # a protected span
            if renames and INLINE_CODE.fullmatch(part):
                parts[i] = _rename_code(part, renames)
        else:
            parts[i] = _SYNONYM_RE.sub(lambda match: _swap(match, rng), part)
    return "".join(parts)


def _swap(match: re.Match, rng: random.Random) -> str:
    article, word = match.group(1), match.group(2)
    before = match.string[:match.start()].rstrip()
    if (article or word)[0].isupper() and before and before[-1] not in ".!?:-*>":
        return match.group(0)  # a capital inside a sentence: a name such as "Large Language Models"
    group = _SYNONYM_OF[word.lower()]
    choice = rng.choice([other for other in group if other != word.lower()])
    if word.isupper() and len(word) > 1:
        choice = choice.upper()
    elif word[0].isupper():
        choice = choice[0].upper() + choice[1:]
    if not article:
        return choice
    new_article = "an" if choice[0].lower() in "aeiou" else "a"
    if article[0].isupper():
        new_article = new_article.capitalize()
    return f"{new_article} {choice}"


# ---------------------------------------------------------------- code names


def _renames(code_blocks: list[str], body: str, rng: random.Random) -> dict[str, str]:
    """Old name -> new name for the names the entry's code defines."""
    inner = "\n".join("\n".join(block.split("\n")[1:-1]) for block in code_blocks)
    names: list[str] = []
    for pattern in DEFINITIONS:
        for match in pattern.finditer(inner):
            name = match.group(1)
            if len(name) >= 2 and name not in KEEP_NAMES and not name.startswith("__") and name not in names:
                names.append(name)
    taken = set(re.findall(r"[A-Za-z_$][\w$]*", body))
    renames: dict[str, str] = {}
    for name in names:
        new = _new_name(name, rng)
        while new in taken or new in KEEP_NAMES:
            new = _with_suffix(new, rng)
        taken.add(new)
        renames[name] = new
    return renames


def _new_name(name: str, rng: random.Random) -> str:
    if "_" in name.strip("_"):
        parts, joiner = name.split("_"), "_"
    else:
        parts, joiner = CAMEL_PARTS.findall(name), ""
        if "".join(parts) != name:
            return _with_suffix(name, rng)
    candidates = [i for i, part in enumerate(parts) if part.lower() in NAME_PARTS]
    if not candidates:
        return _with_suffix(name, rng)
    i = rng.choice(candidates)
    replacement = rng.choice(NAME_PARTS[parts[i].lower()])
    if parts[i].isupper() and len(parts[i]) > 1:
        replacement = replacement.upper()
    elif parts[i][0].isupper():
        replacement = replacement[0].upper() + replacement[1:]
    return joiner.join(parts[:i] + [replacement] + parts[i + 1:])


def _with_suffix(name: str, rng: random.Random) -> str:
    suffix = rng.choice(NAME_SUFFIXES)
    if "_" in name.strip("_") or name.islower():
        return f"{name}_{suffix}" if name.islower() or "_" in name else name + suffix.capitalize()
    if name.isupper():
        return f"{name}_{suffix.upper()}"
    return name + suffix[0].upper() + suffix[1:]


def _rename_code(code: str, renames: dict[str, str]) -> str:
    if not renames:
        return code
    pattern = re.compile(r"(?<![\w$.'\"`-])(" + "|".join(re.escape(n) for n in sorted(renames, key=len, reverse=True))
                         + r")(?![\w$'\"`])")
    lines = code.split("\n")
    fenced = len(lines) > 1 and FENCE.match(lines[0])
    if not fenced:  # an inline code span: rename between the backticks
        span = re.fullmatch(r"(`*)(.*?)(`*)", code, re.S)
        return span.group(1) + pattern.sub(lambda match: renames[match.group(1)], span.group(2)) + span.group(3)
    head, rest = lines[0], "\n".join(lines[1:])
    return head + "\n" + pattern.sub(lambda match: renames[match.group(1)], rest)


# ---------------------------------------------------------------- --check


def check(public: Path, scaled: Path) -> None:
    """Count chunks of corpus/ + public + scaled with khub's chunker; report cache hits and unchanged bodies."""
    sys.path.insert(0, str(ROOT))
    from embeddings.build import CHUNK_TOKENS
    from embeddings.model import count_word_pieces
    from ingest.chunk import chunk_entries, lead_texts, text_hash
    from ingest.load import load_corpus

    started = time.perf_counter()
    counts: dict[str, int] = {}
    texts: dict[str, set[str]] = {}
    bodies: dict[str, list[str]] = {}
    leads: dict[str, set[str]] = {}
    problems = 0
    for label, path in (("corpus/", ROOT / "corpus"), ("public", public), ("scaled", scaled)):
        loaded = load_corpus([path])
        problems += len(loaded.problems)
        for problem in loaded.problems[:5]:
            print(f"  problem in {label}: {problem}")
        chunks = chunk_entries(loaded.entries, count_word_pieces, CHUNK_TOKENS)
        counts[label] = len(chunks)
        texts[label] = {chunk.text_hash for chunk in chunks}
        bodies[label] = [text_hash(chunk.body) for chunk in chunks]
        leads[label] = set(map(text_hash, lead_texts(loaded.entries, chunks)))
        print(f"  {label:8s} {len(loaded.entries):6d} entries {len(chunks):7d} chunks "
              f"({len(texts[label])} distinct chunk texts)")
    total = sum(counts.values())
    known = texts["corpus/"] | texts["public"] | leads["corpus/"] | leads["public"]
    hits = len((texts["scaled"] | leads["scaled"]) & known)
    public_bodies = set(bodies["public"])
    same_body = sum(body in public_bodies for body in bodies["scaled"])
    print(f"  total    {total} chunks ({'>=' if total >= 100_000 else '<'} 100,000); {problems} problem(s); "
          f"{time.perf_counter() - started:.0f} s")
    print(f"  scaled texts equal to an original chunk or lead text (vector-cache hits): {hits}")
    print(f"  scaled chunks whose body equals a public chunk body (only the title prefix differs): "
          f"{same_body} of {counts['scaled']} ({same_body / max(1, counts['scaled']):.1%}); "
          f"distinct scaled bodies: {len(set(bodies['scaled']))}")


if __name__ == "__main__":
    sys.exit(main())

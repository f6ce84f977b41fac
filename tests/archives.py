"""Tiny real archives for tests: a few entries with distinct topics and exact expected ids."""

from __future__ import annotations

from pathlib import Path

TINY_ARCHIVE = {
    "qa/jwt-storage.md": """---
id: qa/jwt-storage
kind: qa
title: Where should a single page app keep its access token?
languages: [javascript]
level: mid
tags: [jwt, security, xss]
---
Keep it in an httpOnly, Secure, SameSite cookie, not in localStorage, where any XSS payload can read it.

## Common Mistakes
Storing the JWT in localStorage or sessionStorage; tokens that never expire.
""",
    "error/fk-violation.md": """---
id: error/fk-violation
kind: error
title: Foreign key constraint fails when inserting a child row
language: sql
level: junior
tags: [mysql, foreign-key]
error_message: "ERROR 1452 (23000): Cannot add or update a child row: a foreign key constraint fails"
---
The parent row does not exist yet.

## Fix
Insert the parent row first, inside one transaction.
""",
    "snippet/debounce.md": """---
id: snippet/debounce
kind: snippet
title: Debounce a function in JavaScript
language: javascript
level: junior
tags: [debounce, events]
---
Delay calling a function until the input has been quiet for a while.

## Code
```javascript
function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
```
""",
    "qa/python-gil.md": """---
id: qa/python-gil
kind: qa
title: Why do Python threads not speed up CPU-bound work?
language: python
level: senior
tags: [gil, threads, concurrency]
---
The global interpreter lock lets only one thread run Python bytecode at a time; use processes for CPU-bound work.
""",
    "article/cap-theorem.md": """---
id: article/cap-theorem
kind: article
title: The CAP theorem in practice
level: architect
tags: [distributed-systems, consistency, availability]
---
During a network partition a distributed store must choose between consistency and availability.
""",
    "error/module-not-found.md": """---
id: error/module-not-found
kind: error
title: "ModuleNotFoundError: No module named 'requests'"
language: python
level: junior
tags: [pip, venv]
error_message: "ModuleNotFoundError: No module named 'requests'"
---
The package was installed for another interpreter than the one running the program.

## Fix
Activate the virtual environment, then run python -m pip install requests.
""",
}


def indexed_archive(root: Path, models_dir: Path, files: dict[str, str] = TINY_ARCHIVE):
    """Write ``files`` under root/archive, index them into root/index, and return the Settings."""
    from embeddings.pipeline import run_ingest
    from khub.settings import Settings

    settings = Settings(index_dir=root / "index", corpus_dir=root / "archive", models_dir=models_dir)
    run_ingest([write_archive(root / "archive", files)], settings)
    return settings


def write_archive(folder: Path, files: dict[str, str] = TINY_ARCHIVE) -> Path:
    """Write Markdown entries under ``folder`` and return it."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder

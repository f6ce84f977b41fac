"""Shared fixtures: the real embedding model (loaded once per run) and tiny real archives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import khub  # noqa: F401  (sets the offline environment before any library loads)
from embeddings.encoder import DEFAULT_BACKEND, load_encoder
from khub.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

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


def write_archive(folder: Path, files: dict[str, str] = TINY_ARCHIVE) -> Path:
    """Write Markdown entries under ``folder`` and return it."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory) -> Path:
    """Encoder files (the ONNX export) built once per test run, shared by every index."""
    return Path(os.environ.get("KHUB_TEST_MODELS_DIR") or tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="session")
def encoder(models_dir):
    """The default encoder on the real packaged model, loaded once per run."""
    return load_encoder(DEFAULT_BACKEND, models_dir)


@pytest.fixture
def archive(tmp_path) -> Path:
    """A tiny real archive of six entries with distinct topics."""
    return write_archive(tmp_path / "archive")


@pytest.fixture
def settings(tmp_path, models_dir, encoder) -> Settings:
    """Settings for a fresh index in tmp_path; the encoder fixture has built the model files."""
    return Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "archive", models_dir=models_dir)


@pytest.fixture(scope="session")
def bundled_settings(tmp_path_factory, models_dir, encoder) -> Settings:
    """An index of the bundled corpus/, built once per run."""
    from ingest.pipeline import run_ingest

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    settings = Settings(index_dir=tmp_path_factory.mktemp("bundled") / "index", corpus_dir=corpus, models_dir=models_dir)
    result = run_ingest([], settings, strict=True)
    assert result.corpus.problems == ()
    return settings

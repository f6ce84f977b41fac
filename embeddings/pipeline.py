"""The ingest stage end to end: read and validate the archive (ingest/), then update the index.

It lives here, above both halves, because building the index needs the archive read first."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from embeddings.build import BuildReport, Progress, plan_for
from embeddings.history import record_ingest
from embeddings.snapshots import store_for
from embeddings.storage import Derive
from ingest.load import Corpus, load_corpus
from khub.errors import CorpusError
from khub.settings import Settings


@dataclass(frozen=True)
class IngestResult:
    """The archive as read (with its problems) and what the index update did."""

    corpus: Corpus
    report: BuildReport


def run_ingest(paths: Sequence[Path], settings: Settings, *, strict: bool = False, rebuild: bool = False,
               progress: Progress | None = None, derive: Derive | None = None) -> IngestResult:
    """Read ``paths`` (the bundled corpus when empty) and make the index hold exactly their entries; a new
    snapshot also holds the files ``derive`` makes from it before it goes live (see embeddings/storage.py)."""
    started = time.perf_counter()
    paths = list(paths) or [settings.corpus_dir]
    corpus = load_corpus(paths, strict=strict)
    if not corpus.entries:
        found = f"{len(corpus.files)} file(s), all rejected" if corpus.files else "no .md, .jsonl or .csv files"
        raise CorpusError(f"no valid entries in {', '.join(map(str, paths))} ({found}); "
                          "the index was left as it was. See corpus/README.md for the entry format.")
    report = store_for(settings).update(corpus.entries, plan_for(settings), rebuild=rebuild,
                                                  sources=[str(path) for path in paths], progress=progress,
                                                  derive=derive)
    report.seconds = time.perf_counter() - started  # reading and validating count too
    record_ingest(settings.index_dir, report, corpus.entries)  # live now: kept for khub new
    return IngestResult(corpus, report)

"""Learning paths: milestones read from the path's own text, and `khub path` over the bundled corpus."""

import json
from pathlib import Path

from khub_cli import khub_cli

from ingest.entry import Entry
from ingest.load import load_corpus
from ingest.paths import milestones, summary

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_milestones_are_the_numbered_items_under_the_milestones_heading():
    body = ("A path for testers.\n\nMore words.\n\n## Milestones\n\n"
            "1. **First steps.** Install it. Build a page.\n2. **Second.** More.\n"
            "10. Plain item without bold. It still counts.\n\n## Resources\n\n1. **Not a step.**\n")
    entry = Entry(id="path/t", kind="path", title="T", body=body)
    found = milestones(entry)
    assert [(m.n, m.title) for m in found] == [(1, "First steps"), (2, "Second"), (10, "Plain item without bold")]
    assert found[0].text == "Install it. Build a page." and summary(entry) == "A path for testers."
    assert milestones(Entry(id="path/none", kind="path", title="T", body="No list here.")) == []


def test_every_bundled_path_has_its_milestones_in_order():
    paths = load_corpus([CORPUS / "path"]).entries
    assert len(paths) == 4
    for entry in paths:
        numbers = [m.n for m in milestones(entry)]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 5, entry.id


def test_khub_path_lists_the_hubs_four_paths_and_opens_one(bundled_settings):
    from assistant.paths import CACHE_FILE
    from embeddings.index import open_index

    # bundled_settings is built by run_ingest without the paths' cache, as an older khub built
    # indexes: the milestones' entries are searched on demand.
    assert open_index(bundled_settings.index_dir).derived(CACHE_FILE) is None
    run = khub_cli(bundled_settings)
    listed = json.loads(run("path", "--json").stdout)["paths"]
    assert [p["path_id"] for p in listed] == sorted(f"path/{f.stem}" for f in (CORPUS / "path").glob("*.md"))
    for path in listed:
        assert set(path) >= {"path_id", "title", "level", "milestones"} and path["milestones"]
        for step in path["milestones"]:
            assert set(step) == {"n", "title", "entries"} and step["entries"]
            assert not any(entry_id.startswith("path/") for entry_id in step["entries"])
    one = json.loads(run("path", "path/php-zero-to-production", "--json").stdout)
    assert one == next(p for p in listed if p["path_id"] == "path/php-zero-to-production")
    assert one["milestones"][0]["n"] == 1 and one["level"] == "junior"

    missing = run("path", "php-zero")
    assert missing.exit_code == 1 and "did you mean path/php-zero-to-production" in missing.output


NEW_TEACHER = """---
id: qa/php-first-scripts
kind: qa
title: How do I install PHP 8 and run my first script with the built-in server?
language: php
level: junior
tags: [php, composer, getting-started]
---
Install PHP 8, Composer, Git and an editor; run a script with the `php` command line, and serve a page
with the built-in server: `php -S localhost:8000`. A first page greets the visitor; a first command-line
script is a small calculator.
"""


def _searched(settings, encoder) -> list[dict]:
    """Every path as searched now over the live snapshot, the cache ignored (the on-demand computation)."""
    from assistant.paths import learning_path, path_ids
    from assistant.search import Searcher
    from embeddings.index import open_index

    searcher = Searcher(open_index(settings.index_dir), lambda text: encoder.encode([text])[0])
    return [learning_path(searcher, path_id, cached=False).as_dict() for path_id in path_ids(searcher)]


def test_ingest_keeps_each_milestones_entries_in_the_snapshot(tmp_path, bundled_settings, encoder):
    import shutil

    from assistant.paths import CACHE_FILE, learning_path
    from assistant.search import Searcher
    from embeddings.index import open_index
    from khub.settings import Settings

    # A copy of the bundled index, so its vector cache is reused: the rebuild encodes nothing.
    shutil.copytree(bundled_settings.index_dir, tmp_path / "index")
    archive = shutil.copytree(CORPUS, tmp_path / "corpus")
    settings = Settings(index_dir=tmp_path / "index", corpus_dir=archive, models_dir=bundled_settings.models_dir)
    run = khub_cli(settings)
    assert run("ingest", archive, "--rebuild").exit_code == 0
    assert (open_index(settings.index_dir).folder / CACHE_FILE).is_file()

    listed = json.loads(run("path", "--json").stdout)["paths"]
    assert [p["path_id"] for p in listed] == sorted(f"path/{f.stem}" for f in (CORPUS / "path").glob("*.md"))
    assert all(p["milestones"] and all(step["entries"] for step in p["milestones"]) for p in listed)
    assert listed == _searched(settings, encoder)
    # Read from the cache, not searched: a searcher that cannot encode a query still has every path.
    def cannot_search(text):
        raise AssertionError(f"searched {text!r} although the snapshot holds the milestones' entries")

    offline = Searcher(open_index(settings.index_dir), cannot_search)
    assert [learning_path(offline, p["path_id"]).as_dict() for p in listed] == listed

    # An incremental ingest of one new entry refreshes the cache: the new entry teaches a milestone.
    (archive / "qa" / "php-first-scripts.md").write_text(NEW_TEACHER, encoding="utf-8")
    again = json.loads(run("ingest", archive, "--json").stdout)
    assert again["added_ids"] == ["qa/php-first-scripts"] and again["changed"] == 0
    php = json.loads(run("path", "path/php-zero-to-production", "--json").stdout)
    assert "qa/php-first-scripts" in php["milestones"][0]["entries"]
    assert json.loads(run("path", "--json").stdout)["paths"] == _searched(settings, encoder)



def test_files_derived_before_going_live_are_part_of_the_snapshot_or_of_nothing(archive, settings):
    import pytest

    from embeddings.index import open_index
    from embeddings.pipeline import run_ingest
    from embeddings.snapshots import open_store

    with pytest.raises(ValueError, match="manifest.json"):  # a derived file may not replace the snapshot's own
        run_ingest([archive], settings, derive=lambda index: {"manifest.json": "{}"})
    assert not open_store(settings.index_dir).exists()  # the failed build never went live
    run_ingest([archive], settings, derive=lambda index: {"counts.json": str(len(index.entry_ids))})
    assert open_index(settings.index_dir).derived("counts.json") == "6"
    assert open_index(settings.index_dir).derived("missing.json") is None


def test_learning_progress_is_a_set_of_path_and_milestone_pairs_read_tolerantly():
    from ui.learn_progress import LearnProgress

    progress = LearnProgress.from_stored([["path/a", 1], ["path/a", 3], ["path/b", 2], ["path/a", "x"], "junk", [1, 2]])
    assert progress.of("path/a") == {1, 3} and progress.of("path/b") == {2}
    changed = progress.with_mark("path/a", 1, False).with_mark("path/a", 3, False).with_mark("path/a", 2, True)
    assert changed.stored() == [["path/a", 2], ["path/b", 2]]
    assert changed.with_mark("path/a", 2, True) == changed  # marking twice is marking once
    assert LearnProgress.from_stored(changed.stored()) == changed
    assert LearnProgress.from_stored(None) == LearnProgress.from_stored({"a": 1}) == LearnProgress()

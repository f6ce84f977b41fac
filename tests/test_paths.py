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

"""The ingest history and ``khub new``: what live ingests added, changed and removed, newest first."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from archives import TINY_ARCHIVE, write_archive
from khub_cli import khub_cli

from embeddings.history import FILE_NAME, HistoryError, IngestHistory, parse_since
from embeddings.pipeline import run_ingest
from embeddings.storage import BuildReport
from ingest.entry import Entry
from khub.errors import CorpusError

NEW_ENTRY = """---
id: qa/n-plus-one
kind: qa
title: What is the N+1 query problem?
level: mid
tags: [orm, sql]
---
Loading a list, then one more query per row; fetch the related rows in one query instead.
"""


def entry(entry_id: str, title: str) -> Entry:
    return Entry(id=entry_id, kind=entry_id.split("/")[0], title=title, body="text")


def at(minutes: int) -> datetime:
    return datetime(2025, 6, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=minutes)


# --- the history file ---------------------------------------------------------------------------


def test_each_entry_is_listed_once_as_its_latest_change_newest_first(tmp_path):
    history = IngestHistory(tmp_path / FILE_NAME)
    first = [entry("qa/a", "A"), entry("error/b", "B"), entry("article/c", "C")]
    history.record(BuildReport(added=["qa/a", "error/b", "article/c"]), first, at=at(0))
    second = [entry("qa/a", "A, edited"), entry("error/b", "B"), entry("snippet/d", "D")]
    history.record(BuildReport(added=["snippet/d"], changed=["qa/a"], removed=["article/c"]), second, at=at(10))
    found = IngestHistory(tmp_path / FILE_NAME).whats_new()
    assert [(c.change, c.entry_id, c.title) for c in found.updated] == [
        ("added", "snippet/d", "D"), ("changed", "qa/a", "A, edited"), ("added", "error/b", "B")]
    assert [(c.entry_id, c.title, c.kind) for c in found.removed] == [("article/c", "C", "article")]
    assert found.began == found.updated[-1].at == "2025-06-01T09:00:00+00:00"
    assert found.updated[0].at == "2025-06-01T09:10:00+00:00"


def test_since_and_limit_narrow_the_listing(tmp_path):
    history = IngestHistory(tmp_path / FILE_NAME)
    history.record(BuildReport(added=["qa/a"]), [entry("qa/a", "A")], at=at(0))
    history.record(BuildReport(added=["qa/b", "qa/c"]), [entry("qa/b", "B"), entry("qa/c", "C")], at=at(60))
    assert [c.entry_id for c in history.whats_new(since=at(30)).updated] == ["qa/b", "qa/c"]
    assert [c.entry_id for c in history.whats_new(limit=1).updated] == ["qa/b"]
    assert history.whats_new(since=at(90)).updated == ()


def test_an_ingest_that_changes_nothing_writes_nothing(tmp_path):
    history = IngestHistory(tmp_path / FILE_NAME)
    assert history.record(BuildReport(unchanged=3, up_to_date=True), [entry("qa/a", "A")]) is None
    assert not history.exists() and history.whats_new().began is None


def test_an_entry_indexed_before_the_history_keeps_its_title_when_removed(tmp_path):
    history = IngestHistory(tmp_path / FILE_NAME)
    # The first record sees an index that already held qa/old: it learns every entry's name.
    history.record(BuildReport(added=["qa/new"]), [entry("qa/old", "Old"), entry("qa/new", "New")], at=at(0))
    history.record(BuildReport(removed=["qa/old"]), [entry("qa/new", "New")], at=at(5))
    assert [(c.entry_id, c.title) for c in history.whats_new().removed] == [("qa/old", "Old")]


@pytest.mark.parametrize("text", ["2025-06-01", "2025-06-01T09:30", "2025-06-01 09:30:00", "2025-06-01T09:30+02:00"])
def test_since_accepts_a_date_or_an_iso_date_and_time(text):
    parsed = parse_since(text)
    assert parsed.tzinfo is not None and (parsed.year, parsed.month, parsed.day) == (2025, 6, 1)


@pytest.mark.parametrize("text", ["yesterday", "2025-13-01", "20250601", "1/6/2025", ""])
def test_since_refuses_anything_else_and_says_what_to_write(text):
    with pytest.raises(HistoryError, match="is not a date; use YYYY-MM-DD"):
        parse_since(text)


# --- real ingests and the command ---------------------------------------------------------------


def test_khub_new_follows_real_ingests_add_edit_delete(settings, tmp_path):
    archive = write_archive(tmp_path / "archive")
    run = khub_cli(settings)
    run_ingest([archive], settings)
    (archive / "qa" / "n-plus-one.md").write_text(NEW_ENTRY)
    run_ingest([archive], settings)
    added = json.loads(run("new", "--json").stdout)
    assert added["updated"][0] | {"at": None} == {"at": None, "change": "added", "entry_id": "qa/n-plus-one",
                                                   "title": "What is the N+1 query problem?", "kind": "qa"}
    assert len(added["updated"]) == len(TINY_ARCHIVE) + 1 and added["removed"] == []

    jwt = archive / "qa" / "jwt-storage.md"
    jwt.write_text(jwt.read_text().replace("Keep it in", "Always keep it in"))
    run_ingest([archive], settings)
    (archive / "error" / "fk-violation.md").unlink()
    run_ingest([archive], settings)
    run_ingest([archive], settings)  # up to date: nothing recorded
    found = json.loads(run("new", "--json").stdout)
    assert [(c["change"], c["entry_id"]) for c in found["updated"][:2]] == [("changed", "qa/jwt-storage"),
                                                                          ("added", "qa/n-plus-one")]
    assert [(c["entry_id"], c["title"]) for c in found["removed"]] == [
        ("error/fk-violation", "Foreign key constraint fails when inserting a child row")]
    text = run("new").stdout
    assert text.index("qa/jwt-storage") < text.index("qa/n-plus-one") < text.index("Removed:")
    assert "changed  qa/jwt-storage" in text

    later = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%d")
    assert "Nothing added, changed or removed since" in run("new", "--since", later).stdout

    empty = tmp_path / "empty"
    empty.mkdir()
    before = IngestHistory(settings.index_dir / FILE_NAME).whats_new()
    with pytest.raises(CorpusError):  # a failed ingest writes nothing
        run_ingest([empty], settings)
    assert IngestHistory(settings.index_dir / FILE_NAME).whats_new() == before


def test_khub_new_on_an_index_built_before_the_history_says_so(settings, archive):
    run_ingest([archive], settings)
    (settings.index_dir / FILE_NAME).unlink()
    run = khub_cli(settings)
    result = run("new")
    assert result.exit_code == 0 and "built before khub kept an ingest history" in result.stdout
    assert json.loads(run("new", "--json").stdout)["history_began"] is None


def test_khub_new_refuses_a_bad_date_and_a_missing_index(settings):
    run = khub_cli(settings)
    bad = run("new", "--since", "last week")
    assert bad.exit_code == 2 and "'last week' is not a date; use YYYY-MM-DD" in bad.stderr
    missing = run("new")
    assert missing.exit_code == 1 and "no index at" in missing.stderr and "khub ingest" in missing.stderr
    assert "khub new --since 2025-06-01" in run("new", "--help").stdout

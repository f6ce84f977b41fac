"""Suggest an improvement: the suggestion store, the Markdown writer, and accepting (write, re-ingest, search).

Every acceptance runs on a copy of corpus/ in tmp_path (the repository's corpus/ is never written),
with a real ingest; its index starts as a copy of the session's bundled index, so only changed text
is encoded.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import postgres_server
import pytest
from khub_cli import khub_cli

from embeddings.pipeline import run_ingest
from embeddings.snapshots import open_store
from embeddings.store import IndexStore
from ingest.load import load_corpus
from ingest.problems import EntryRejected
from ingest.write import entry_file, entry_markdown, read_entry, write_entry
from khub.errors import ConfigError
from khub.settings import Settings
from ui.accept import accept_suggestion, ingest_paths
from ui.suggestions import SuggestionError, SuggestionStore
from ui.tabs.suggest import diff_html

ROOT = Path(__file__).resolve().parents[1]
EXPORT = [  # a team's JSONL export, as the public corpus is written
    {"id": "notes/connection-pools", "kind": "qa", "title": "How big should a database connection pool be?",
     "body": "Start small: about ten connections serve most web apps.\n\nMeasure before growing the pool.",
     "language": "sql", "tags": ["database", "pooling"], "source": "team-notes", "updated": "2024-05-01"},
    {"id": "notes/retry-budget", "kind": "article", "title": "Retry budgets for service calls",
     "body": "Cap retries at a tenth of the calls, so a struggling service is not flooded.", "level": "senior"},
]
BARCODE = ("## Barcode scanners\n\nA hardware barcode scanner types a whole code within a few milliseconds: "
           "debounce its input by 50 ms so each scan triggers exactly one lookup.")
LITTLE = ("Size the pool with Little's law: connections needed = requests per second × seconds each request "
          "holds a connection. Start there, then measure.")


def entry_of(settings: Settings, entry_id: str):
    index = open_store(settings.index_dir).open()
    try:
        return index.entry(entry_id)
    finally:
        index.close()


def top_hit(settings: Settings, query: str) -> dict:
    result = khub_cli(settings)("search", query, "--json", "--top-k", 3)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["hits"][0]


@pytest.fixture
def hub(tmp_path, bundled_settings):
    """A copy of corpus/ and a JSONL export, indexed with the export first; the store beside the index."""
    corpus = shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    export = tmp_path / "exports" / "entries.jsonl"
    export.parent.mkdir()
    export.write_text("".join(json.dumps(entry) + "\n" for entry in EXPORT), encoding="utf-8")
    shutil.copytree(bundled_settings.index_dir, tmp_path / "index")
    settings = Settings(index_dir=tmp_path / "index", corpus_dir=corpus, models_dir=bundled_settings.models_dir)
    # The export first: the accepted file must win anyway. rebuild: a fresh snapshot, naming these sources.
    run_ingest([export, corpus], settings, strict=True, rebuild=True)
    return settings, SuggestionStore(settings.index_dir / "reviews.sqlite"), export


# --- the store ------------------------------------------------------------------------------------
# On a SQLite file and on a fresh PostgreSQL database (skipped without a server: tests/postgres_server.py).
review_database = pytest.fixture(params=postgres_server.BACKENDS)(postgres_server.review_database)


def test_a_suggestion_is_stored_and_read_back_whole(review_database):
    store = SuggestionStore(review_database)
    made = store.add("qa/x", "New body\r\nline two\n", title="  Better title ", reason="clearer", base_title="Old",
                     base_body="Old body")
    again = SuggestionStore(review_database).get(made.id)  # a second connection sees it all
    assert again == made
    assert (again.entry_id, again.body, again.title, again.reason) == ("qa/x", "New body\nline two",
                                                                        "Better title", "clearer")
    assert (again.base_title, again.base_body, again.status, again.decided_by) == ("Old", "Old body", "pending", None)
    assert again.created_at and [s.id for s in store.listing()] == [made.id]


def test_an_empty_unchanged_or_oversized_suggestion_is_refused(review_database, monkeypatch):
    store = SuggestionStore(review_database)
    with pytest.raises(SuggestionError, match="has no text"):
        store.add("qa/x", "   ", base_title="T", base_body="Body")
    with pytest.raises(SuggestionError, match="is the entry's current text"):
        store.add("qa/x", "Body\n", title="T", base_title="T", base_body="Body")
    with pytest.raises(SuggestionError, match="title for qa/x is not one line"):
        store.add("qa/x", "Body", title="Two\nlines", base_title="T", base_body="Old")
    monkeypatch.setenv("KHUB_MAX_ENTRY_BYTES", "100")
    with pytest.raises(SuggestionError, match="over the 0.0001 MB limit of one entry"):
        store.add("qa/x", "word " * 40, base_title="T", base_body="Old")
    assert store.listing(include_decided=True) == []


def test_decisions_are_kept_with_who_when_and_why_and_are_made_once(review_database, tmp_path):
    store = SuggestionStore(review_database)
    first = store.add("qa/x", "A", base_body="B")
    second = store.add("qa/y", "C", base_body="D")
    rejected = store.reject(first.id, "mentor", "the old text was right")
    assert (rejected.status, rejected.decided_by, rejected.note) == ("rejected", "mentor", "the old text was right")
    assert rejected.decided_at and rejected.body == "A"  # kept, not deleted
    accepted = store.accept(second.id, "mentor", "thanks", file_written=tmp_path / "y.md", previous_text="D")
    assert (accepted.status, accepted.file_written, accepted.previous_text) == ("accepted", str(tmp_path / "y.md"),
                                                                                "D")
    with pytest.raises(SuggestionError, match="already rejected by mentor"):
        store.accept(first.id, "mentor", "", file_written=tmp_path / "x.md", previous_text="")
    assert store.listing() == [] and [s.id for s in store.listing(include_decided=True)] == [second.id, first.id]
    assert store.accepted_files() == [tmp_path / "y.md"]


# --- the Markdown writer --------------------------------------------------------------------------


def test_every_bundled_entry_reads_back_identically_from_the_markdown_written(tmp_path):
    entries = load_corpus([ROOT / "corpus"], strict=True).entries
    assert len(entries) >= 20
    for entry in entries:
        path = write_entry(entry, entry_file(entry.id, tmp_path))
        found = read_entry(path)
        assert replace(found, origin=entry.origin) == entry, entry.id
        assert found.extra == entry.extra and found.content_hash == entry.content_hash, entry.id
    assert len(load_corpus([tmp_path], strict=True).entries) == len(entries)


def test_an_entry_from_jsonl_reads_back_identically_too(tmp_path):
    export = tmp_path / "entries.jsonl"
    export.write_text("".join(json.dumps(entry) + "\n" for entry in EXPORT), encoding="utf-8")
    entries = load_corpus([export], strict=True).entries
    for entry in entries:
        found = read_entry(write_entry(entry, entry_file(entry.id, tmp_path / "md")))
        assert replace(found, origin=entry.origin) == entry and found.extra == entry.extra
    assert "updated: '2024-05-01'" in entry_markdown(entries[0])  # stays text, not a YAML date


def test_an_entry_that_would_not_read_back_is_not_written(tmp_path):
    entry = load_corpus([ROOT / "corpus" / "snippet" / "use-debounce-hook.md"]).entries[0]
    path = tmp_path / "hook.md"
    path.write_text("the old file", encoding="utf-8")
    with pytest.raises(EntryRejected, match="no body text"):
        write_entry(replace(entry, body="  \n "), path)
    assert path.read_text(encoding="utf-8") == "the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["hook.md"]  # no temporary file left behind


def test_new_file_names_stay_inside_the_corpus_folder_and_visible_to_ingest(tmp_path):
    assert entry_file("rustc/E0001", tmp_path) == tmp_path / "rustc" / "E0001.md"
    assert entry_file("a/../../etc/passwd", tmp_path) == tmp_path / "a" / "etc" / "passwd.md"
    assert entry_file("qa/README", tmp_path) == tmp_path / "qa" / "README-entry.md"
    assert entry_file("qa/_draft:1", tmp_path) == tmp_path / "qa" / "draft-1.md"


def test_the_diff_shows_a_proposal_inert():
    from ui.suggestions import Suggestion

    suggestion = Suggestion(id=1, entry_id="qa/x", created_at="", body="<script>alert(1)</script>", title=None,
                            reason="", base_title="T", base_body="old")
    shown = diff_html(("T", "old"), ("T", suggestion.body), suggestion)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "class=\"khub-diff-add\"" in shown and "class=\"khub-diff-del\"" in shown


# --- accepting ------------------------------------------------------------------------------------


def test_accepting_rewrites_the_entrys_markdown_file_and_search_finds_the_new_text(hub):
    settings, store, _ = hub
    path = settings.corpus_dir / "snippet" / "use-debounce-hook.md"
    before = path.read_text(encoding="utf-8")
    entry = entry_of(settings, "snippet/use-debounce-hook")
    assert "barcode" not in top_hit(settings, "debounce a barcode scanner input")["passage"].lower()
    suggestion = store.add(entry.id, f"{entry.body}\n\n{BARCODE}", reason="scanners are a common case",
                           base_title=entry.title, base_body=entry.body)

    accepted = accept_suggestion(store, suggestion.id, settings, reviewer="mentor", note="good catch").suggestion

    assert (accepted.status, accepted.decided_by, accepted.note) == ("accepted", "mentor", "good catch")
    assert Path(accepted.file_written) == path.resolve() and accepted.previous_text == before
    assert BARCODE in path.read_text(encoding="utf-8")
    hit = top_hit(settings, "debounce a barcode scanner input")
    assert hit["entry_id"] == "snippet/use-debounce-hook" and "barcode" in hit["passage"].lower()
    assert (ROOT / "corpus" / "snippet" / "use-debounce-hook.md").read_text(encoding="utf-8") == before


def test_an_entry_from_a_jsonl_export_gets_a_new_markdown_file_and_the_export_is_untouched(hub):
    settings, store, export = hub
    exported = export.read_bytes()
    entry = entry_of(settings, "notes/connection-pools")
    suggestion = store.add(entry.id, LITTLE, title="Sizing a database connection pool", base_title=entry.title,
                           base_body=entry.body)

    accepted = accept_suggestion(store, suggestion.id, settings, reviewer="mentor").suggestion

    written = settings.corpus_dir / "notes" / "connection-pools.md"
    assert Path(accepted.file_written) == written.resolve() and accepted.previous_text == ""
    assert export.read_bytes() == exported
    now = entry_of(settings, "notes/connection-pools")
    assert (now.title, now.body, now.tags, now.extra["source"]) == ("Sizing a database connection pool", LITTLE,
                                                                    ("database", "pooling"), "team-notes")
    assert Path(now.origin.rsplit(":", 1)[0]).resolve() == written.resolve()
    hit = top_hit(settings, "size the connection pool with Little's law")
    assert hit["entry_id"] == "notes/connection-pools" and "Little's law" in hit["passage"]
    assert entry_of(settings, "notes/retry-budget") is not None  # the rest of the export is still served


def test_a_failing_write_leaves_the_suggestion_pending_and_the_index_as_it_was(hub):
    settings, store, export = hub
    (settings.corpus_dir / "notes").write_text("a file where the new entry's folder would go", encoding="utf-8")
    entry = entry_of(settings, "notes/connection-pools")
    suggestion = store.add(entry.id, LITTLE, base_title=entry.title, base_body=entry.body)

    with pytest.raises(SuggestionError, match="stays pending") as raised:
        accept_suggestion(store, suggestion.id, settings, reviewer="mentor")

    assert "notes" in str(raised.value)
    kept = store.get(suggestion.id)
    assert kept.status == "pending" and kept.decided_by is None and "notes" in kept.error
    assert entry_of(settings, "notes/connection-pools").body == entry.body


def test_a_failing_reingest_puts_the_file_back_and_keeps_the_suggestion_pending(hub):
    settings, store, _ = hub
    path = settings.corpus_dir / "snippet" / "use-debounce-hook.md"
    before = path.read_text(encoding="utf-8")
    entry = entry_of(settings, "snippet/use-debounce-hook")
    suggestion = store.add(entry.id, BARCODE, base_title=entry.title, base_body=entry.body)

    with IndexStore(settings.index_dir).writing():  # as if another khub ingest were running
        with pytest.raises(SuggestionError, match="another khub ingest"):
            accept_suggestion(store, suggestion.id, settings, reviewer="mentor")

    assert path.read_text(encoding="utf-8") == before
    assert store.get(suggestion.id).status == "pending" and "another khub ingest" in store.get(suggestion.id).error
    assert entry_of(settings, "snippet/use-debounce-hook").body == entry.body
    accepted = accept_suggestion(store, suggestion.id, settings, reviewer="mentor").suggestion  # then it applies
    assert accepted.status == "accepted" and accepted.error is None


def test_accepted_files_are_read_first_a_deleted_one_is_dropped_and_a_missing_export_stops(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "qa").mkdir(parents=True)
    kept, deleted = corpus / "qa" / "kept.md", corpus / "qa" / "deleted.md"
    kept.write_text("x")
    export = tmp_path / "entries.jsonl"
    export.write_text("")
    assert ingest_paths([export, corpus], [kept, deleted], corpus) == [kept.resolve(), export.resolve(),
                                                                       corpus.resolve()]
    with pytest.raises(ConfigError, match="gone; put it back"):
        ingest_paths([tmp_path / "moved.jsonl", corpus], [], corpus)

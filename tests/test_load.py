"""Loading a whole archive: bad entries are skipped and reported, nothing else is lost."""

import pytest

from ingest.load import find_files, load_corpus
from khub.errors import ConfigError, CorpusError


def entry_md(entry_id: str, title: str = "A title", extra: str = "") -> str:
    return f"---\nid: {entry_id}\nkind: qa\ntitle: {title}\n{extra}---\nBody of {entry_id}.\n"


@pytest.fixture
def archive(tmp_path):
    (tmp_path / "qa").mkdir()
    (tmp_path / "qa" / "one.md").write_text(entry_md("qa/one"))
    (tmp_path / "qa" / "two.md").write_text(entry_md("qa/two", extra="kind2: oops\n"))
    (tmp_path / "qa" / "three.md").write_text(entry_md("qa/one", title="Duplicate"))
    (tmp_path / "README.md").write_text("# How to contribute\n")
    (tmp_path / ".hidden.md").write_text("not an entry")
    (tmp_path / "notes.txt").write_text("ignored")
    (tmp_path / "more.jsonl").write_text(
        '{"id": "snippet/x", "kind": "snippet", "title": "X", "body": "code"}\n{"id": "qa/one", "kind": "qa"}\n'
    )
    return tmp_path


def test_bad_entries_are_reported_and_the_rest_kept(archive):
    corpus = load_corpus([archive])
    assert sorted(entry.id for entry in corpus.entries) == ["qa/one", "snippet/x"]
    assert [entry.title for entry in corpus.entries if entry.id == "qa/one"] == ["A title"]
    messages = [str(problem) for problem in corpus.problems]
    assert len(messages) == 3
    assert any("qa/three.md:1: field 'id': duplicate id 'qa/one', first defined at" in m for m in messages)
    assert any("qa/two.md:1: field 'kind2': unknown field 'kind2'; did you mean 'kind'?" in m for m in messages)
    assert any("more.jsonl:2: field 'title': required field 'title' is missing" in m for m in messages)


def test_files_are_found_in_order_skipping_docs_and_hidden(archive):
    names = [path.relative_to(archive).as_posix() for path in find_files([archive])]
    assert names == ["more.jsonl", "qa/one.md", "qa/three.md", "qa/two.md"]


def test_strict_makes_every_problem_fatal(archive):
    with pytest.raises(CorpusError) as caught:
        load_corpus([archive], strict=True)
    assert "3 problem(s)" in str(caught.value) and "--strict" in str(caught.value)


def test_missing_path_and_unknown_format_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="no such file or folder"):
        load_corpus([tmp_path / "nowhere"])
    (tmp_path / "entries.xml").write_text("<x/>")
    with pytest.raises(ConfigError, match=r"cannot read '\.xml' files"):
        load_corpus([tmp_path / "entries.xml"])


def test_empty_folder_gives_no_entries(tmp_path):
    corpus = load_corpus([tmp_path])
    assert corpus.entries == () and corpus.problems == () and corpus.files == ()

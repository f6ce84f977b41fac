"""Bad input, end to end through `khub`: every problem is named with its place and its fix, and
nothing else is lost (ingest); odd pastes and questions get a clear message or a notice, never a
crash (diagnose, ask)."""

import json

import pytest
from khub_cli import khub_cli

GOOD = "---\nid: qa/{n}\nkind: qa\ntitle: Good entry {n} about connection pools\n---\nSize pools small {n}.\n"


@pytest.fixture
def run(settings):
    return khub_cli(settings)


def test_a_messy_archive_keeps_every_good_entry_and_names_each_problem(run, tmp_path):
    archive = tmp_path / "messy"
    archive.mkdir()
    for n in range(3):
        (archive / f"good-{n}.md").write_text(GOOD.format(n=n))
    (archive / "bad-yaml.md").write_text("---\nid: qa/yaml\ntitle: [unclosed\nkind: qa\n---\nBody\n")
    (archive / "no-title.md").write_text("---\nid: qa/no-title\nkind: qa\n---\nBody\n")
    (archive / "zz-duplicate.md").write_text(GOOD.format(n=0).replace("Good entry", "Copy of"))
    (archive / "huge.md").write_text("---\nid: qa/huge\nkind: qa\ntitle: Huge\n---\n" + "log line 42\n" * 900_000)
    (archive / "latin1.md").write_bytes(("---\nid: qa/latin\nkind: qa\ntitle: Café\n---\n"
                                         "Crème brûlée\n").encode("latin-1"))
    (archive / "export.jsonl").write_text('{"id": "qa/j1", "kind": "qa", "title": "T", "body": "B"}\n{not json}\n')

    result = run("ingest", archive, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["entries"] == 4 and summary["skipped"] == 6  # qa/0..2 and qa/j1 kept
    problems = {p["where"].rsplit("/", 1)[-1]: p for p in summary["problems"]}
    # where the parser stopped
    assert problems["bad-yaml.md:4"]["message"].startswith("invalid YAML in the front matter")
    assert problems["no-title.md:1"]["field"] == "title" and "missing" in problems["no-title.md:1"]["message"]
    assert "duplicate id 'qa/0'" in problems["zz-duplicate.md:1"]["message"]
    assert problems["huge.md:1"]["message"] == "the body is 10.8 MB, over the 1 MB limit of one entry"
    assert "KHUB_MAX_ENTRY_BYTES" in problems["huge.md:1"]["hint"]
    assert "byte 0xe9 is not valid UTF-8" in problems["latin1.md:4"]["message"] + problems["latin1.md:4"]["hint"]
    assert "export.jsonl:2" in problems
    text = run("ingest", archive)  # the same problems, as a person reads them
    assert "huge.md:1: field 'body': the body is 10.8 MB" in text.stderr
    found = json.loads(run("search", "connection pools", "--json").stdout)
    assert {hit["entry_id"] for hit in found["hits"]} >= {"qa/0", "qa/1", "qa/2"}


def test_an_empty_archive_is_refused_and_the_index_kept(run, archive, tmp_path):
    assert run("ingest", archive).exit_code == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("ingest", empty)
    assert result.exit_code == 1
    assert "no valid entries" in result.stderr and "the index was left as it was" in result.stderr
    assert json.loads(run("search", "jwt", "--json").stdout)["hits"][0]["entry_id"] == "qa/jwt-storage"


def test_a_bad_size_limit_setting_is_a_clear_error(run, archive):
    result = run("ingest", archive, KHUB_MAX_ENTRY_BYTES="lots")
    assert result.exit_code != 0 and "KHUB_MAX_ENTRY_BYTES='lots' is not a positive whole number" in result.stderr


TRACEBACK = ('Traceback (most recent call last):\n  File "/home/dev/app/main.py", line 3, in <module>\n'
             "    import yaml\nModuleNotFoundError: No module named 'yaml'\n")
ODD_PASTES = {
    "one megabyte": "x" * 200 + "\n" + ("DEBUG filler line of a noisy log\n" * 32_000) + TRACEBACK,
    "ten thousand lines": "".join(f"2026-11-27 INFO worker {n} ok\n" for n in range(10_000)) + TRACEBACK,
    "ansi colours": "\x1b[31m" + TRACEBACK.replace("\n", "\x1b[0m\n", 1),
    "crlf": TRACEBACK.replace("\n", "\r\n"),
    "binary bytes around it": "\x00\x01\x02garbage\x7f\n" + TRACEBACK + "\x00\xff",
}


@pytest.mark.parametrize("name", ODD_PASTES)
def test_odd_pastes_are_still_diagnosed_with_a_notice_of_what_was_done(run, archive, name):
    assert run("ingest", archive).exit_code == 0
    result = run("diagnose", "--json", input=ODD_PASTES[name])
    assert result.exit_code == 0, result.stderr
    diagnosis = json.loads(result.stdout)
    assert diagnosis["hits"][0]["entry_id"] == "error/module-not-found"
    if len(ODD_PASTES[name]) > 500_000:
        assert any("kept the first" in notice for notice in diagnosis["notices"])
    if "\x00" in ODD_PASTES[name]:
        assert any("control character(s)" in notice for notice in diagnosis["notices"])


@pytest.mark.parametrize("text", ["", "   \n\t ", "\x00\x01\x02\x03" * 100])
def test_empty_or_binary_input_gets_a_clear_message(run, archive, text):
    assert run("ingest", archive).exit_code == 0
    for command in ("diagnose", "ask"):
        result = run(command, "--json", input=text) if command == "diagnose" else run(command, text or " ", "--json")
        assert result.exit_code != 0 or json.loads(result.stdout)
        assert "Traceback (most recent call last)" not in result.output + result.stderr


def test_asking_with_odd_input_never_crashes(run, archive):
    assert run("ingest", archive).exit_code == 0
    for name, paste in ODD_PASTES.items():
        result = run("ask", "why does this fail?\n" + paste, "--json")
        assert result.exit_code == 0, f"{name}: {result.stderr[-500:]}"
        answer = json.loads(result.stdout)
        assert answer["citations"] and answer["citations"][0]["entry_id"] == "error/module-not-found", name


def test_check_validates_without_indexing_and_names_file_line_and_field(run, tmp_path):
    bundled = run("check")
    assert bundled.exit_code == 0 and "no problems" in bundled.stdout

    archive = tmp_path / "drafts"
    archive.mkdir()
    (archive / "good.md").write_text(GOOD.format(n=1))
    (archive / "bad-level.md").write_text("---\nid: qa/lvl\nkind: qa\ntitle: Levels\nlevel: wizard\n---\nBody\n")
    result = run("check", archive)
    assert result.exit_code == 1
    assert "bad-level.md:1: field 'level': 'wizard' is not a valid level" in result.stderr
    assert "Checked 1 valid entries in 2 file(s): 1 problem(s)." in result.stdout

    shown = json.loads(run("check", archive, "--json").stdout)
    assert shown["entries"] == 1 and shown["files"] == 2
    assert [(p["field"], p["entry_id"]) for p in shown["problems"]] == [("level", "qa/lvl")]

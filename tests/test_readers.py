"""Reading Markdown, JSONL and CSV: every field arrives, every broken file is located precisely."""

from pathlib import Path

import pytest

from ingest.problems import Problem
from ingest.readers import RawRecord
from ingest.readers.csvfile import read_csv
from ingest.readers.jsonl import read_jsonl
from ingest.readers.markdown import read_markdown


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def only(items) -> RawRecord | Problem:
    items = list(items)
    assert len(items) == 1
    return items[0]


GOOD = """---
id: error/demo
kind: error
title: "Undefined variable: $conn"
languages: [php]
level: mid
tags: [pdo, scope]
error_message: "Warning: Undefined variable $conn"
message_variants:
  - "Notice: Undefined variable: conn"
---
Intro paragraph.

## Root Cause
Passed by value.
"""


def test_markdown_reads_front_matter_and_body(tmp_path):
    record = only(read_markdown(write(tmp_path, "e.md", GOOD), "e.md"))
    assert isinstance(record, RawRecord)
    assert record.where == "e.md:1"
    assert record.fields["title"] == "Undefined variable: $conn"
    assert record.fields["languages"] == ["php"]
    assert record.fields["message_variants"] == ["Notice: Undefined variable: conn"]
    assert record.fields["body"] == "Intro paragraph.\n\n## Root Cause\nPassed by value."


def test_markdown_accepts_bom_and_crlf(tmp_path):
    path = write(tmp_path, "e.md", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    record = only(read_markdown(path, "e.md"))
    assert record.fields["id"] == "error/demo"
    assert "\r" not in record.fields["body"]


@pytest.mark.parametrize(
    "content, where, words",
    [
        ("no front matter here\n", "e.md:1", "no YAML front matter"),
        ("---\nid: x\nkind: qa\n", "e.md:1", "never closed"),
        ("---\nid: x\ntitle: a: b: c\n---\nbody\n", "e.md:3", "invalid YAML"),
        ("---\nid: x\ntags: [a, b\n---\nbody\n", "e.md:3", "invalid YAML"),
        ("---\n- just\n- a list\n---\nbody\n", "e.md:2", "not a set of 'key: value' fields"),
        ("---\nid: x\nbody: inline\n---\n", "e.md:2", "keeps its body below"),
    ],
)
def test_markdown_problems_name_the_line(tmp_path, content, where, words):
    problem = only(read_markdown(write(tmp_path, "e.md", content), "e.md"))
    assert isinstance(problem, Problem)
    assert problem.where == where
    assert words in problem.message
    assert problem.hint


def test_non_utf8_file_names_the_line(tmp_path):
    path = write(tmp_path, "latin.md", b"---\nid: x\n" + "title: café\n".encode("latin-1") + b"---\nbody\n")
    problem = only(read_markdown(path, "latin.md"))
    assert problem.where == "latin.md:3"
    assert "not valid UTF-8" in problem.message and "UTF-8" in problem.hint


def test_jsonl_reads_each_line_and_reports_bad_ones(tmp_path):
    path = write(tmp_path, "e.jsonl", '{"id": "a", "kind": "qa"}\n\n{broken\n["a list"]\n{"id": "b"}\n')
    items = list(read_jsonl(path, "e.jsonl"))
    assert [type(item).__name__ for item in items] == ["RawRecord", "Problem", "Problem", "RawRecord"]
    assert items[0].where == "e.jsonl:1" and items[3].where == "e.jsonl:5"
    assert items[1].where == "e.jsonl:3" and "invalid JSON at column 2" in items[1].message
    assert items[2].where == "e.jsonl:4" and "expected a JSON object, got list" in items[2].message


def test_csv_rows_and_list_fields(tmp_path):
    path = write(
        tmp_path, "e.csv",
        'id,kind,title,body,tags,languages,level\n'
        'qa/a,qa,Title A,"Body, with comma",security;jwt,"[""python"", ""go""]",mid\n'
        'qa/b,qa,Title B,Body B,,,\n',
    )
    first, second = list(read_csv(path, "e.csv"))
    assert first.where == "e.csv:row 1" and second.where == "e.csv:row 2"
    assert first.fields["tags"] == ["security", "jwt"]
    assert first.fields["languages"] == ["python", "go"]
    assert first.fields["body"] == "Body, with comma"
    assert "tags" not in second.fields and "level" not in second.fields


def test_csv_that_cannot_be_parsed_is_one_problem(tmp_path):
    path = write(tmp_path, "e.csv", 'id,title\n"unclosed,quote\n')
    problem = only(read_csv(path, "e.csv"))
    assert isinstance(problem, Problem) and "cannot be read as CSV" in problem.message


def test_empty_csv_is_one_problem(tmp_path):
    problem = only(read_csv(write(tmp_path, "e.csv", ""), "e.csv"))
    assert isinstance(problem, Problem)

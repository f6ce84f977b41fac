"""Validation: every field is carried over, every error path names the field and the fix."""

import pytest

from ingest.problems import EntryRejected
from ingest.validate import validate_record

BASE = {"id": "qa/demo", "kind": "qa", "title": "What is a demo?", "body": "A demo."}


def rejected(fields: dict) -> str:
    with pytest.raises(EntryRejected) as caught:
        validate_record(fields, "demo.md:1")
    problem = caught.value.problem
    assert problem.where == "demo.md:1" and problem.hint
    return str(problem)


def test_every_field_is_carried_over():
    entry = validate_record(
        {**BASE, "kind": "Error", "language": "PHP", "languages": ["sql", "php"], "level": "Beginner",
         "tags": ["a", " b "], "error_message": " Fatal error: x ", "message_variants": ["y"],
         "source": "hub", "license": "MIT", "audience": "juniors"},
        "demo.md:1",
    )
    assert entry.id == "qa/demo" and entry.kind == "error" and entry.title == "What is a demo?"
    assert entry.body == "A demo."
    assert entry.languages == ("sql", "php")
    assert entry.level == "junior"
    assert entry.tags == ("a", "b")
    assert entry.error_message == "Fatal error: x" and entry.message_variants == ("y",)
    assert entry.extra == {"source": "hub", "license": "MIT", "audience": "juniors"}
    assert entry.origin == "demo.md:1"


def test_content_hash_follows_content_not_origin():
    first = validate_record(BASE, "a.md:1")
    assert first.content_hash == validate_record(BASE, "b.jsonl:9").content_hash
    assert first.content_hash != validate_record({**BASE, "body": "Changed."}, "a.md:1").content_hash


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"id": None}, "the entry has no id"),
        ({"id": "bad id with spaces"}, "is not a valid id"),
        ({"titel": "x"}, "unknown field 'titel'; did you mean 'title'?"),
        ({"kind": None}, "required field 'kind' is missing; add kind: one of qa, error"),
        ({"title": ""}, "required field 'title' is missing"),
        ({"kind": "faq"}, "'faq' is not a valid kind; use one of qa, error, snippet, article, path"),
        ({"kind": "error"}, "field 'error_message': an entry of kind 'error' needs the message"),
        ({"level": "guru"}, "'guru' is not a valid level; use one of junior, mid, senior, architect"),
        ({"tags": [["nested"]]}, "field 'tags': expected a list of strings"),
        ({"title": ["a", "b"]}, "field 'title': expected text, got a list"),
        ({"body": "   "}, "field 'body': the entry has no body text"),
    ],
)
def test_error_paths_name_field_and_fix(change, expected):
    fields = {**BASE, **change}
    fields = {key: value for key, value in fields.items() if value is not None}
    assert expected in rejected(fields)


def test_non_mapping_is_rejected():
    assert "expected a mapping of fields, got list" in rejected(["not", "a", "mapping"])

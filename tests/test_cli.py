"""The khub command line, through click's test runner, on the real index and model."""

import json

import pytest
from khub_cli import khub_cli


@pytest.fixture
def run(settings):
    return khub_cli(settings)


@pytest.fixture
def indexed(run, archive):
    result = run("ingest", archive, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_json_summary(indexed):
    assert indexed["added"] == indexed["entries"] == 6
    assert indexed["changed"] == indexed["removed"] == indexed["skipped"] == 0
    # 2 of 6 leads are their entry's one chunk
    assert indexed["chunks_encoded"] == indexed["chunks"] and indexed["leads_encoded"] == 4
    assert indexed["up_to_date"] is False and indexed["problems"] == []


def test_second_ingest_reports_up_to_date(run, archive, indexed):
    result = run("ingest", archive)
    assert result.exit_code == 0
    assert "Index is up to date: 6 entries" in result.stdout and "nothing to encode" in result.stdout


def test_bad_entries_are_skipped_with_a_located_message_or_fatal_with_strict(run, archive):
    (archive / "qa" / "broken.md").write_text("---\nid: qa/broken\nkind: faq\ntitle: T\n---\nBody\n")
    result = run("ingest", archive)
    assert result.exit_code == 0
    assert "qa/broken.md:1: field 'kind': 'faq' is not a valid kind; use one of qa, error" in result.stderr
    assert "1 skipped" in result.stdout
    strict = run("ingest", archive, "--strict")
    assert strict.exit_code == 1 and "--strict makes them fatal" in strict.stderr


def test_search_json_shape(run, indexed):
    result = run("search", "foreign key constraint fails", "--json", "--top-k", 2)
    payload = json.loads(result.stdout)
    assert payload["hits"][0]["entry_id"] == "error/fk-violation" and len(payload["hits"]) == 2
    assert {"entry_id", "score", "title", "kind", "chunk_id", "passage"} <= set(payload["hits"][0])


def test_search_text_output_and_filters(run, indexed):
    result = run("search", "token", "--kind", "snippet")
    assert result.exit_code == 0 and "snippet/debounce" in result.stdout and "qa/jwt-storage" not in result.stdout
    assert "Error: Invalid value for '--kind'" in run("search", "x", "--kind", "faq").stderr


def test_batch_prints_one_line_per_input_in_order(run, indexed, tmp_path):
    batch = tmp_path / "queries.jsonl"
    batch.write_text('{"id": "a", "query": "No module named requests"}\nnot json\n{"id": 7, "query": "debounce"}\n')
    result = run("search", "--batch", batch, "--json", "--top-k", 1)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("id") for line in lines] == ["a", None, 7]
    assert lines[0]["hits"][0]["entry_id"] == "error/module-not-found" and lines[0]["took_ms"] > 0
    assert lines[1]["line"] == 2 and "error" in lines[1]
    assert lines[2]["hits"][0]["entry_id"] == "snippet/debounce"
    assert result.exit_code == 1 and "1 input line(s) could not be read" in result.stderr


def test_batch_reads_stdin(run, indexed):
    result = run("search", "--batch", "-", input='{"id": "x", "query": "CAP theorem"}\n')
    assert json.loads(result.stdout)["hits"][0]["entry_id"] == "article/cap-theorem"


def test_search_needs_a_query_or_a_batch(run):
    result = run("search")
    assert result.exit_code == 2 and "give a QUERY or --batch FILE" in result.stderr


def test_search_without_an_index_teaches_the_next_command(run):
    result = run("search", "anything")
    assert result.exit_code == 1 and "no index at" in result.stderr and "khub ingest" in result.stderr


def test_eval_scores_labelled_questions(run, indexed, tmp_path):
    questions = tmp_path / "questions.jsonl"
    questions.write_text(
        '{"id": "1", "query": "python threads and the GIL", "type": "paraphrase", "relevant": ["qa/python-gil"], '
        '"grades": {"qa/python-gil": 2}}\n'
        '{"id": "2", "query": "excel macros", "type": "unanswerable", "relevant": [], "grades": {}}\n'
    )
    report = json.loads(run("eval", "--questions", questions, "--json").stdout)
    assert report["overall"]["questions"] == 1 and report["unanswerable"] == 1
    assert report["overall"]["recall_at_10"] == 1.0 and report["overall"]["ndcg_at_10"] == 1.0
    assert report["missing_ids"] == []


@pytest.mark.parametrize("command", ["ingest", "search", "eval", "diagnose", "ask", "show"])
def test_help_ends_with_examples(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Examples:" in result.stdout


def test_ask_json_shape(run, indexed):
    result = run("ask", "where should a single page app keep its access token?", "--json")
    payload = json.loads(result.stdout)
    assert {"answer", "mode", "refused", "citations", "unsupported_sentences"} <= set(payload)
    assert payload["mode"] == "extractive" and payload["refused"] is False
    assert payload["citations"][0] | {"passage": None} == {
        "n": 1, "entry_id": "qa/jwt-storage", "passage": None,
        "title": "Where should a single page app keep its access token?",
        "section": payload["citations"][0]["section"]}


def test_ask_streams_text_then_sources_and_says_which_mode_answered(run, indexed):
    result = run("ask", "how do I debounce a function in JavaScript?")
    assert result.exit_code == 0
    assert "Sources:" in result.stdout and "[1] Debounce a function in JavaScript — snippet/debounce" in result.stdout
    assert "Answered by extractive mode" in result.stderr and "KHUB_MODEL=local" in result.stderr


def test_ask_batch_and_refusals(run, indexed, tmp_path):
    batch = tmp_path / "questions.jsonl"
    batch.write_text('{"id": "q1", "query": "python threads and the GIL"}\n'
                     '{"id": "q2", "query": "excel vba loop until an empty cell"}\n')
    lines = [json.loads(line) for line in run("ask", "--batch", batch, "--json").stdout.splitlines()]
    assert [line["id"] for line in lines] == ["q1", "q2"]
    assert lines[0]["citations"][0]["entry_id"] == "qa/python-gil" and not lines[0]["refused"]
    assert lines[1]["refused"] and lines[1]["citations"] == [] and lines[1]["nearest"]
    assert lines[0]["refusal"] is None
    assert lines[1]["refusal"]["reason"] and (set(lines[1]["refusal"]["signals"])
                                              == {"top", "margin", "covered", "unknown"})


def test_ask_chat_uses_the_conversation(run, indexed):
    result = run("ask", input="where should a single page app keep its access token?\nand why not localStorage?\n\n")
    assert result.exit_code == 0 and result.stdout.count("Sources:") == 2


def test_ask_with_an_unknown_model_falls_back_and_says_why(run, indexed):
    result = run("ask", "python threads and the GIL", "--model", "nosuchprovider/model-x")
    assert (result.exit_code == 0 and "could not answer" in result.stderr
            and "extractive answer instead" in result.stderr)

""""What should I learn next?" answered from a learning path's order, citing the path (assistant/next_step.py).

On the bundled corpus (its four paths), through the real Assistant, the CLI and the labelled
questions of tests/learning/next_steps.jsonl (bench/next_step.py prints the same figures).
"""

from __future__ import annotations

import json

import pytest
from khub_cli import khub_cli

from assistant.answer import Assistant
from assistant.diagnose import Diagnoser
from assistant.llm import ModelConfig
from assistant.next_intent import read_intent
from assistant.search import open_searcher
from bench.next_step import QUESTIONS, figures, judge, load_rows, measure, milestone_titles

PHP = "path/php-zero-to-production"
ARCHITECTURE = "path/software-architecture-mastery"


@pytest.fixture(scope="module")
def searcher(bundled_settings):
    searcher = open_searcher(bundled_settings)
    yield searcher
    searcher.index.close()


def no_model(messages, config):
    raise AssertionError("a next-step answer is written from the path, without the model")


def assistant(searcher, model: str = "extractive") -> Assistant:
    return Assistant(searcher, Diagnoser(searcher), encode=searcher.encode_texts, config=ModelConfig(model=model),
                     complete=no_model)


def asked(searcher, question: str, model: str = "extractive") -> dict:
    return assistant(searcher, model).ask(question).answer().as_dict()


def test_the_next_milestone_is_named_with_what_it_covers_and_the_path_is_cited(searcher):
    shown = asked(searcher, "I know PDO; what should I learn next?")
    assert shown["next_step"] == {"path_id": PHP, "path_title": "PHP Developer: Zero to Production",
                                  "finished": False, "n": 5, "title": "Object-oriented PHP and Composer",
                                  "covered": [4]}
    text = shown["answer"]
    assert text.startswith("Next on the path \u201cPHP Developer: Zero to Production\u201d: milestone 5, "
                           "**Object-oriented PHP and Composer**")
    assert "PSR-4 autoloading" in text and "Refactor the notes app into classes" in text  # covers and builds
    cited = shown["citations"][0]
    assert cited["entry_id"] == PHP and "5. **Object-oriented PHP and Composer.**" in cited["passage"]
    assert shown["mode"] == "extractive" and not shown["refused"] and shown["unsupported_sentences"] == []


def test_the_step_after_the_furthest_of_several_known_milestones(searcher):
    shown = asked(searcher, "I've got the basics: variables, loops and arrays in PHP, HTML forms with $_POST and "
                            "sessions, and MySQL with prepared statements. What comes next?")
    assert (shown["next_step"]["path_id"], shown["next_step"]["n"]) == (PHP, 5)
    assert shown["next_step"]["covered"][-1] == 4


def test_a_beginner_starts_at_the_first_milestone(searcher):
    shown = asked(searcher, "I'm a complete beginner in PHP, where do I start?")
    assert (shown["next_step"]["path_id"], shown["next_step"]["n"]) == (PHP, 1)
    assert shown["answer"].startswith("Start the path") and "milestone 1, **Set up and run your first scripts**" in \
        shown["answer"]
    assert "1. **Set up and run your first scripts.**" in shown["citations"][0]["passage"]


def test_a_learner_past_the_last_milestone_is_told_the_path_is_finished(searcher):
    shown = asked(searcher, "I've completed the whole software architecture path; what now?")
    assert shown["next_step"]["finished"] and shown["next_step"]["path_id"] == ARCHITECTURE
    assert "ends with milestone 9, **Real-world system breakdowns**" in shown["answer"]
    assert shown["citations"][0]["entry_id"] == ARCHITECTURE


def test_milestones_named_by_number_and_acronyms_are_understood(searcher):
    assert asked(searcher, "I've done milestones 1 to 4 of the PHP path; what's next?")["next_step"]["n"] == 5
    assert asked(searcher, "I know DDD and bounded contexts; what should I learn next?")["next_step"]["n"] == 4


def test_with_a_model_configured_the_answer_is_the_same_and_no_model_is_called(searcher):
    question = "I'm comfortable with React Router and TanStack Query; what's next on the React/Node path?"
    with_model = asked(searcher, question, model="openai/gpt-4o-mini")
    assert with_model["next_step"]["n"] == 4 and with_model["answer"] == asked(searcher, question)["answer"]
    assert with_model["citations"][0]["entry_id"] == "path/fullstack-js-react-node"


@pytest.mark.parametrize("question", [
    "What is the next() function in Python?",
    "How do I fetch the next page of results from a paginated API?",
    "Where do I start debugging a memory leak in Node?",
    "My PHP session is lost after a redirect, what now?",
    "What comes after the FROM clause in a SQL query?",
    "What should I learn next?",  # no path and nothing known: the ordinary pipeline answers
])
def test_ordinary_questions_are_not_answered_from_a_path(searcher, question):
    assert asked(searcher, question)["next_step"] is None


def test_question_forms_are_read_by_their_grammar():
    learner = read_intent("Finished learning classes and Composer. Where do I go from here?")
    assert learner.asks and learner.situated and learner.known == ("Finished learning classes and Composer",)
    after = read_intent("What should I study after event sourcing?")
    assert after.asks and after.known == ("event sourcing",)
    assert read_intent("I'm new to coding, what's the first step?").start
    assert not read_intent("How do I move to the next element of an iterator?").asks
    assert not read_intent("I know my query uses an index; why is it slow?").asks


def test_khub_ask_json_shows_the_next_step_and_its_citation(bundled_settings):
    result = khub_cli(bundled_settings)("ask", "I know PDO; what should I learn next?", "--json")
    shown = json.loads(result.stdout)
    assert result.exit_code == 0 and shown["next_step"]["n"] == 5
    assert shown["citations"][0]["entry_id"] == PHP


def test_the_labelled_questions_name_the_next_milestone_on_the_held_out_half(searcher):
    rows = load_rows(QUESTIONS)
    positives = [row for row in rows if row["route"]]
    assert len(positives) >= 40 and len(rows) - len(positives) >= 15, f"{QUESTIONS} needs 40 questions, 15 negatives"
    assert {row["split"] for row in rows} == {"fit", "held-out"}
    helper = assistant(searcher)
    titles = milestone_titles(helper, (row["path_id"] for row in positives))
    held_out = [row for row in rows if row["split"] == "held-out"]
    result = figures(measure(held_out, lambda question: helper.ask(question).answer().as_dict(), titles))
    assert result["held-out"]["right_share"] >= 0.9, result
    assert result["held-out"]["false_routing_rate"] <= 0.1, result


def test_the_judge_wants_the_number_the_title_and_the_path_cited():
    row = {"route": True, "path_id": PHP, "next": 5}
    titles = {(PHP, 5): "Object-oriented PHP and Composer"}
    right = {"answer": "Next: milestone 5, **Object-oriented PHP and Composer** [1].",
             "citations": [{"entry_id": PHP}], "next_step": {"path_id": PHP, "n": 5, "finished": False}}
    assert judge(row, right, titles)
    assert not judge(row, {**right, "citations": [{"entry_id": "qa/other"}]}, titles)
    assert not judge(row, {**right, "answer": "Next: milestone 6, RESTful APIs [1]."}, titles)
    assert not judge({"route": False}, right, titles) and judge({"route": False}, {"next_step": None}, titles)

"""Folds that hold whole targets out, and the fusion weights chosen inside them."""

from assistant.evaluate import Question
from assistant.folds import target_groups
from assistant.fuse import Evidence, Weights
from assistant.fusion_fit import best_weights, out_of_fold, ranking


def test_cases_sharing_a_target_directly_or_through_others_share_a_group():
    keys = target_groups([{"a"}, {"b", "a"}, {"b"}, {"c"}, set(), set()], alone=["x", "x", "x", "x", "go", "java"])
    assert keys[0] == keys[1] == keys[2] != keys[3]
    assert keys[4] == "none:go" and keys[5] == "none:java"
    assert target_groups([set(), set()]) == ["none:0", "none:1"]


def lexical_questions(count):
    """Questions whose right entry wins on BM25 and loses on the lead: only a BM25 weight finds it."""
    questions, candidates = [], {}
    for i in range(count):
        question = Question(f"q{i}", f"question {i}", "howto", {f"right{i}": 2})
        questions.append(question)
        candidates[question.id] = [(f"right{i}", Evidence(chunk=0.5, lead=0.5, bm25=1.0)),
                                   (f"wrong{i}", Evidence(chunk=0.5, lead=0.6, bm25=0.0))]
    return questions, candidates


def test_the_best_weights_on_the_grid_are_chosen_and_rank_by_them():
    questions, candidates = lexical_questions(4)
    grid = (Weights(lead=1.0, bm25=0.05), Weights(lead=1.0, bm25=0.35))
    weights = best_weights(questions, [candidates[q.id] for q in questions], grid)
    assert weights.bm25 == 0.35 and ranking(candidates["q0"], weights)[0] == "right0"


def test_out_of_fold_figures_score_every_answerable_question_once_per_kind():
    questions, candidates = lexical_questions(10)
    questions.append(Question("u", "unanswerable", "unanswerable", {}))
    figures = out_of_fold(questions, lambda q: candidates[q.id])
    assert figures.overall.questions == 10 and set(figures.by_kind) == {"howto"}
    assert figures.overall.ndcg_at_10 == 1.0 and len(figures.chosen) == 5

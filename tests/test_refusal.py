"""The refusal decision's parts: the signals of a question's hits, the fitted model and its file,
and the cross-validation that measures it (folds hold whole targets out; mined questions only train)."""

import json

import pytest

from assistant.refusal import SIGNALS, RefusalModel, Signals, load_model, measure, save_model
from assistant.refusal_fit import MAX_ANSWERABLE_REFUSED, Sample, cross_validate, figures, fit, groups
from assistant.search import Hit
from embeddings.storage import Passage
from khub.errors import ConfigError


def hit(entry_id: str, score: float, title: str, kind: str, section: str, text: str) -> Hit:
    return Hit(passage=Passage(entry_id=entry_id, chunk_id=f"{entry_id}#0", title=title, section=section, text=text,
                               kind=kind), score=score)


HITS = [hit("a", 1.5, "Sort a dict by its values", "snippet", "Usage", "sorted(d.items(), key=...) python"),
        hit("b", 1.2, "Sort a dict by its keys", "snippet", "Usage", "sorted(d) python"),
        hit("c", 1.1, "Dictionaries", "qa", "Answer", "a python dict maps keys to values")]
FREQUENCIES = {"sort": 40, "dict": 90, "values": 300, "python": 600, "pyhton": 0, "2": 0, "haskell": 0}


def signals_of(query):
    return measure(query, HITS, lambda words: {w: FREQUENCIES.get(w, 5) for w in words}, 3000)


def test_the_signals_of_a_well_covered_question():
    signals = signals_of("sort dict values python")
    assert signals.top == 1.5 and signals.margin == pytest.approx(0.3)
    assert signals.covered == 1.0 and signals.unknown == 0.0 and signals.unknown_word is None


def test_a_misspelt_word_or_a_number_is_not_unknown_but_a_word_no_entry_holds_is():
    assert signals_of("sort a pyhton dict by values 2").unknown == 0.0
    signals = signals_of("sort a haskell dict by values")
    assert signals.unknown == 1.0 and signals.unknown_word == "haskell" and signals.covered < 1.0


def test_no_hits_means_refusal_with_a_reason():
    model = RefusalModel(("top",), (1.0,), 0.0, 0.5)
    refusal = model.decide(measure("anything", [], lambda words: {}, 10), [])
    assert refusal is not None and "nothing in the archive" in refusal.reason


def test_the_model_decides_by_its_own_signals_and_says_why():
    model = RefusalModel(("top",), (5.0,), -7.0, -1.0)  # answer from top 1.2 up
    assert model.decide(signals_of("sort dict values python"), HITS) is None
    weak = Signals(1.0, 0.1, 0.2, 1.0, "haskell")
    refusal = model.decide(weak, HITS)
    assert refusal is not None and "haskell" in refusal.reason and refusal.as_dict()["signals"]["top"] == 1.0


def test_the_model_file_round_trips_and_a_file_with_unknown_signals_says_how_to_refit(tmp_path):
    model = RefusalModel(("top", "margin"), (5.0, 1.0), -7.0, -1.0)
    save_model(model, tmp_path / "refusal.json")
    assert load_model(tmp_path / "refusal.json") == model
    (tmp_path / "bad.json").write_text(json.dumps({"signals": ["top", "vibes"], "weights": [1, 1], "bias": 0,
                                                   "threshold": 0}))
    with pytest.raises(ConfigError, match="vibes.*bench/answers.py --fit"):
        load_model(tmp_path / "bad.json")
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(ConfigError, match="cannot read the refusal model.*bench/answers.py --fit"):
        load_model(tmp_path / "broken.json")
    with pytest.raises(ConfigError, match="cannot read"):
        load_model(tmp_path / "missing.json")


def test_the_shipped_model_uses_measured_signals():
    model = load_model()
    assert model.signals and set(model.signals) <= set(SIGNALS) and len(model.weights) == len(model.signals)


def sample(question_id, answerable, top, targets=(), kind=None):
    return Sample(question_id, kind or ("howto" if answerable else "unanswerable"), answerable,
                  Signals(top, 0.1, 0.5, 0.0, None), tuple(targets))


def test_the_fitted_threshold_refuses_few_answerable_questions():
    samples = [sample(f"a{i}", True, 1.0 + i / 100, [f"e{i}"]) for i in range(100)]
    samples += [sample(f"n{i}", False, 0.8 + i / 100) for i in range(60)]
    model = fit(samples)
    refused = sum(model.score(s.signals) < model.threshold for s in samples if s.answerable)
    assert refused <= MAX_ANSWERABLE_REFUSED * 100
    # every not-covered question scoring below all the answerable ones (20 of them) is refused
    assert sum(model.score(s.signals) < model.threshold for s in samples if not s.answerable) >= 20


def test_folds_hold_questions_that_share_an_entry_together_and_mined_questions_never_score():
    samples = [sample("q1", True, 1.5, ["x"]), sample("q1", False, 1.0, ["x"], "left out"),
               sample("q2", True, 1.4, ["x", "y"]), sample("q3", True, 1.6, ["z"])]
    numbers = groups(samples)
    assert numbers[0] == numbers[1] == numbers[2] != numbers[3]
    many = [sample(f"q{i}", True, 1.3 + i / 100, [f"e{i}"]) for i in range(20)]
    many += [sample(f"u{i}", False, 0.9 + i / 100) for i in range(10)]
    mined = [sample(f"m{i}", False, 1.0, kind="mined") for i in range(10)]
    outcomes = cross_validate(many, mined)
    assert len(outcomes) == len(many) and all(s.kind != "mined" for s, _ in outcomes)
    found = figures(outcomes)
    assert found["answerable"]["questions"] == 20 and found["not covered"]["questions"] == 10

"""Say when the archive does not cover a question: a fitted decision over several signals.

One score cannot tell "the archive answers this" from "the archive has something near it". So the
decision weighs four signals of the search hits (``measure``):

    top        the best entry's search score
    margin     how far the best entry leads the second
    covered    the share of the question's words, weighted by rarity (idf), that the best entry's
               title, section and passage hold
    unknown    1 when the question uses a word no entry holds that is not a misspelling of a word
               of the closest entries ("pyhton"), nor a number: a technology the archive lacks
               ("airflow", "vba") shows here.

A logistic model (``RefusalModel``) weighs the signals it was fitted on, and below its threshold
the question is refused, with the reason and every signal. Which signals it weighs is itself a
measured choice: only those that win out-of-fold (``assistant/refusal_fit.py``). Its weights and
threshold are the small file ``refusal.json``, which ``python bench/answers.py --fit`` re-makes.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.search import Hit
from embeddings.query import query_terms
from khub.errors import ConfigError

SIGNALS = ("top", "margin", "covered", "unknown")
MODEL_PATH = Path(__file__).with_name("refusal.json")
NEAR_HITS = 3  # the hits whose words may show an unknown word is only misspelt
SPELLING = 0.8  # difflib similarity at which a word is taken as a misspelling of another


@dataclass(frozen=True)
class Signals:
    """What the search hits say about whether the archive covers a question."""

    top: float
    margin: float
    covered: float
    unknown: float
    unknown_word: str | None  # the longest word of the question that no entry holds

    def vector(self, names: Sequence[str] = SIGNALS) -> list[float]:
        return [getattr(self, name) for name in names]

    def as_dict(self) -> dict[str, float]:
        return {name: round(getattr(self, name), 4) for name in SIGNALS}


@dataclass(frozen=True)
class Refusal:
    """Why a question was refused."""

    reason: str
    signals: Signals

    def as_dict(self) -> dict:
        """The ``"refusal"`` of ``khub ask --json``."""
        return {"reason": self.reason, "signals": self.signals.as_dict()}


def measure(query: str, hits: Sequence[Hit], frequencies: Callable[[Iterable[str]], dict[str, int]],
            entries: int) -> Signals:
    """The signals of one question's hits; ``frequencies`` counts the entries holding each word."""
    words = query_terms(query)
    if not hits or not words:
        return Signals(hits[0].score if hits else 0.0, 0.0, 0.0, 0.0, None)
    counts = frequencies(words)
    rarity = {word: math.log((entries + 1) / (1 + counts.get(word, 0))) for word in words}
    total = sum(rarity.values()) or 1.0
    best_words = _words_of(hits[0])
    near_words = sorted(set().union(*(_words_of(hit) for hit in hits[:NEAR_HITS])))
    unknown = sorted(word for word in words if not counts.get(word) and not word.isdigit()
                     and not difflib.get_close_matches(word, near_words, n=1, cutoff=SPELLING))
    return Signals(
        top=hits[0].score,
        margin=hits[0].score - (hits[1].score if len(hits) > 1 else 0.0),
        covered=sum(rarity[word] for word in words if word in best_words) / total,
        unknown=float(bool(unknown)),
        unknown_word=max(unknown, key=len) if unknown else None,
    )


def _words_of(hit: Hit) -> set[str]:
    return query_terms(f"{hit.passage.title} {hit.passage.section} {hit.passage.text}")


@dataclass(frozen=True)
class RefusalModel:
    """A logistic decision over some of the signals: answer when the score reaches the threshold."""

    signals: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def score(self, signals: Signals) -> float:
        """How sure the model is that the archive covers the question (log-odds)."""
        return self.bias + sum(w * x for w, x in zip(self.weights, signals.vector(self.signals)))

    def decide(self, signals: Signals, hits: Sequence[Hit]) -> Refusal | None:
        """None when the archive covers the question, else the refusal with its reason."""
        if hits and self.score(signals) >= self.threshold:
            return None
        return Refusal(_reason(signals, hits), signals)

    def as_json(self) -> dict:
        return {"signals": list(self.signals), "weights": [round(w, 6) for w in self.weights],
                "bias": round(self.bias, 6), "threshold": round(self.threshold, 6)}


@dataclass(frozen=True)
class ScoreFloor:
    """The plain rule a user may set instead (``KHUB_REFUSE_BELOW``): refuse below one search score."""

    threshold: float

    def decide(self, signals: Signals, hits: Sequence[Hit]) -> Refusal | None:
        if hits and signals.top >= self.threshold:
            return None
        return Refusal(_reason(signals, hits) + f" (below KHUB_REFUSE_BELOW={self.threshold:g})", signals)


def _reason(signals: Signals, hits: Sequence[Hit]) -> str:
    if not hits:
        return "nothing in the archive matches the question's words or meaning"
    if signals.unknown_word:
        return (f"the archive never mentions \u201c{signals.unknown_word}\u201d, and its closest entry, "
                f"\u201c{hits[0].passage.title}\u201d, is not a strong match (score {signals.top:.2f})")
    return f"the closest entry, \u201c{hits[0].passage.title}\u201d, is a weak match (score {signals.top:.2f})"


def load_model(path: Path = MODEL_PATH) -> RefusalModel:
    """The fitted decision shipped with khub; a clear error if its file is unreadable or uses signals
    khub does not measure."""
    refit = "re-make it with: python bench/answers.py --fit"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = RefusalModel(tuple(data["signals"]), tuple(map(float, data["weights"])), float(data["bias"]),
                             float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read the refusal model {path} ({exc}); {refit}") from exc
    unknown = set(model.signals) - set(SIGNALS)
    if unknown or len(model.weights) != len(model.signals):
        raise ConfigError(f"{path} uses signals khub does not measure "
                          f"({', '.join(sorted(unknown)) or 'a weight per signal'}); {refit}")
    return model


def save_model(model: RefusalModel, path: Path = MODEL_PATH) -> None:
    path.write_text(json.dumps(model.as_json(), indent=2) + "\n", encoding="utf-8")

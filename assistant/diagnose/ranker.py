"""The fitted models that turn evidence into a ranking and a confidence: two logistic regressions.

1. Ranking: one weight per feature (``FEATURES``), fitted on pairs of candidates for the same
   paste (the right entry against a wrong one), so it learns what makes one entry a better
   answer than another whatever the paste.
2. Confidence: the probability that a candidate is the right answer, from its features and its
   ranking score. Fitted on the top candidates of real pastes whose error the archive has and of
   ones it lacks, so it can say "no confident match".

The parameters live in ``ranker.json`` beside this module, a small readable file that
``python bench/diagnose.py --fit`` re-makes from the real cases (assistant/diagnose/fit.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.diagnose.features import FEATURES
from khub.errors import ConfigError

PARAMETERS = Path(__file__).with_name("ranker.json")
CONFIDENCE_FEATURES = (*FEATURES, "rank_score")


@dataclass(frozen=True)
class Ranker:
    """Ranking weights over FEATURES; confidence weights over CONFIDENCE_FEATURES, with an intercept;
    and the confidence at or above which a top match is confident."""

    weights: tuple[float, ...]
    confidence_weights: tuple[float, ...]
    confidence_intercept: float
    threshold: float

    def rank_scores(self, values: np.ndarray) -> np.ndarray:
        """A ranking score per row of feature values (higher is better; comparable within one paste)."""
        return values @ np.asarray(self.weights) if len(values) else np.zeros(0)

    def confidences(self, values: np.ndarray, rank_scores: np.ndarray) -> np.ndarray:
        """The probability that each candidate is the right answer."""
        if len(values) == 0:
            return np.zeros(0)
        inputs = np.column_stack([values, rank_scores])
        return 1 / (1 + np.exp(-(inputs @ np.asarray(self.confidence_weights) + self.confidence_intercept)))

    def to_json(self, **about) -> str:
        """The parameters as the readable file ``ranker.json`` holds them (``about`` says how they were made)."""
        return json.dumps({
            "ranking": dict(zip(FEATURES, (round(w, 6) for w in self.weights))),
            "confidence": dict(zip(CONFIDENCE_FEATURES, (round(w, 6) for w in self.confidence_weights))),
            "confidence_intercept": round(self.confidence_intercept, 6),
            "threshold": round(self.threshold, 4), **about}, indent=2) + "\n"


def load_ranker(path: Path = PARAMETERS) -> Ranker:
    """The fitted ranker; a clear error if its file is missing or was fitted on other features."""
    refit = "re-make it with: python bench/diagnose.py --fit"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        ranking, confidence = data["ranking"], data["confidence"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"cannot read the diagnosis ranker {path} ({exc}); {refit}") from exc
    if set(ranking) != set(FEATURES) or set(confidence) != set(CONFIDENCE_FEATURES):
        differ = (set(ranking) ^ set(FEATURES)) | (set(confidence) ^ set(CONFIDENCE_FEATURES))
        raise ConfigError(f"{path} was fitted on other features ({', '.join(sorted(differ))} differ); {refit}")
    return Ranker(tuple(float(ranking[name]) for name in FEATURES),
                  tuple(float(confidence[name]) for name in CONFIDENCE_FEATURES),
                  float(data["confidence_intercept"]), float(data["threshold"]))

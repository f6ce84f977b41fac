"""Diagnose pasted error output against the debug archive (``khub diagnose``).

    paste.py      decode, refuse binary/empty, trim huge pastes, strip ANSI and log prefixes
    parsers/      one parser per ecosystem -> ErrorSignature (signature.py)
    hierarchy.py  the languages' exception hierarchies (a subclass falls back to its parent's entry)
    match.py      codes, message templates, types and ecosystems of the archive's error entries
    features.py   the evidence for one (error, entry) pair, as numbers
    ranker.py     the fitted model over that evidence (parameters in ranker.json), and its threshold
    fit.py        fitting it on real cases, and grouped cross-validation
    fix.py        the cause, fix and code an entry states
    diagnosis.py  examine a paste, rank the entries, say how sure
"""

from assistant.diagnose.diagnosis import Diagnoser, Diagnosis, DiagnosisHit
from assistant.diagnose.paste import PasteError
from assistant.diagnose.signature import ErrorSignature, Frame

__all__ = ["Diagnoser", "Diagnosis", "DiagnosisHit", "ErrorSignature", "Frame", "PasteError", "open_diagnoser"]


def open_diagnoser(settings, ranker=None) -> Diagnoser:
    """A diagnoser over the live index (one model load for many pastes); the shipped ranker by default."""
    from assistant.search import open_searcher

    return Diagnoser(open_searcher(settings), ranker=ranker)

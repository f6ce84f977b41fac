"""Diagnose pasted error output against the debug archive (``khub diagnose``).

    paste.py      decode, refuse binary/empty, trim huge pastes, strip ANSI and log prefixes
    parsers/      one parser per ecosystem -> ErrorSignature (signature.py)
    match.py      codes, message templates and ecosystems of the archive's error entries
    diagnosis.py  evidence per entry, reasons, confidence
"""

from assistant.diagnose.diagnosis import Diagnoser, Diagnosis, DiagnosisHit
from assistant.diagnose.paste import PasteError
from assistant.diagnose.signature import ErrorSignature, Frame

__all__ = ["Diagnoser", "Diagnosis", "DiagnosisHit", "ErrorSignature", "Frame", "PasteError", "open_diagnoser"]


def open_diagnoser(settings) -> Diagnoser:
    """A diagnoser over the live index (one model load for many pastes)."""
    from assistant.search import open_searcher

    return Diagnoser(open_searcher(settings))

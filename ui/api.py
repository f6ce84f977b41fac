"""The web app's public API: ``/ask``, ``/diagnose`` and ``/search``, in the shapes of the CLI's ``--json``.

Each takes the question, paste or query first; filters and options follow, all with defaults, so
``Client(url).predict(text, api_name="/search")`` works.
"""

from __future__ import annotations

from assistant.diagnose import PasteError
from embeddings.query import Filters


def _filters(kind: str, language: str, level: str) -> Filters:
    return Filters(kind=kind or None, language=language.lower() or None, level=level or None)


def search_endpoint(services):
    def search(query: str, kind: str = "", language: str = "", level: str = "", top_k: int = 10) -> dict:
        """Hybrid search: the best entries for the query, each with its matching passage."""
        hits = services.searcher.search(query, top_k=int(top_k), filters=_filters(kind, language, level))
        return {"query": query, "hits": [hit.as_dict() for hit in hits]}

    return search


def diagnose_endpoint(services):
    def diagnose(text: str, top_k: int = 5) -> dict:
        """Diagnose pasted error output against the debug archive."""
        try:
            return services.diagnoser.diagnose(text, top_k=int(top_k)).as_dict()
        except PasteError as exc:
            return {"confident": False, "error": str(exc), "signature": None, "others": [], "hits": [], "notices": []}

    return diagnose


def ask_endpoint(services):
    def ask(question: str, kind: str = "", language: str = "", level: str = "", model: str = "") -> dict:
        """A cited answer from the archive; the answer is stored for mentors' review."""
        answer = services.assistant.ask(question, filters=_filters(kind, language, level), model=model or None).answer()
        earlier = services.reviews.earlier_verdict(question)  # a mentor's verdict on this question asked before
        answer_id = services.reviews.record_answer(answer, session="api")
        return answer.as_dict() | {"answer_id": answer_id, "mentor_verdict": earlier}

    return ask

"""The web app's public API: ``/ask``, ``/diagnose`` and ``/search``, in the shapes of the CLI's ``--json``.

Each takes the question, paste or query first; filters and options follow, all with defaults, so
``Client(url).predict(text, api_name="/search")`` works. Each checks its client's limits first
(ui/web_limits.py); the ``request`` parameter is Gradio's, hidden from the API.
"""

from __future__ import annotations

import gradio as gr

from assistant.diagnose import PasteError
from embeddings.query import Filters
from ui.web_limits import check_limits, not_stored_notice, store_answer


def _filters(kind: str, language: str, level: str) -> Filters:
    return Filters(kind=kind or None, language=language.lower() or None, level=level or None)


def search_endpoint(services):
    def search(query: str, kind: str = "", language: str = "", level: str = "", top_k: int = 10,
               request: gr.Request | None = None) -> dict:
        """Hybrid search: the best entries for the query, each with its matching passage."""
        check_limits(services, "search", request, query)
        hits = services.searcher.search(query, top_k=int(top_k), filters=_filters(kind, language, level))
        return {"query": query, "hits": [hit.as_dict() for hit in hits]}

    return search


def diagnose_endpoint(services):
    def diagnose(text: str, top_k: int = 5, request: gr.Request | None = None) -> dict:
        """Diagnose pasted error output against the debug archive."""
        check_limits(services, "diagnose", request, text)
        try:
            return services.diagnoser.diagnose(text, top_k=int(top_k)).as_dict()
        except PasteError as exc:
            return {"confident": False, "error": str(exc), "signature": None, "others": [], "hits": [], "notices": []}

    return diagnose


def ask_endpoint(services):
    def ask(question: str, kind: str = "", language: str = "", level: str = "", model: str = "",
            request: gr.Request | None = None) -> dict:
        """A cited answer from the archive; the answer is stored for mentors' review (answer_id), up to a
        number of answers per client per day (then answer_id is None and a notice says so)."""
        client = check_limits(services, "ask", request, question)
        answer = services.assistant.ask(question, filters=_filters(kind, language, level), model=model or None).answer()
        earlier = services.reviews.earlier_verdict(question)  # a mentor's verdict on this question asked before
        answer_id = store_answer(services, answer, client, session="api")
        result = answer.as_dict() | {"answer_id": answer_id, "mentor_verdict": earlier}
        if answer_id is None:
            result["notices"] = [*result["notices"], not_stored_notice(services)]
        return result

    return ask

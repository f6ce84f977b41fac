"""The web app (``khub serve``): chat with cited sources, instant search, and mentor review.

A thin client of the library: every handler calls Assistant, Searcher, Diagnoser or ReviewStore
and renders the result with ui/render.py. The same features are public over Gradio's API as
``/ask``, ``/diagnose`` and ``/search`` (JSON in the shapes of the CLI's ``--json``); the UI's own
events are private. Answers run in their own queue, so search stays fast while a model writes.
"""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass

import gradio as gr

from assistant.answer import Assistant
from assistant.cite import Citation
from assistant.diagnose import Diagnoser
from assistant.search import Searcher
from embeddings.query import Filters
from ingest.entry import KINDS, LEVELS
from ui import api, render
from ui.reviews import VERDICTS, ReviewStore

SEARCH_DEBOUNCE = 0.25  # seconds without typing before a search runs
ANSWER_CONCURRENCY = 2  # answers written at once; more wait in their queue, searches do not
CSS = """
.khub-card {border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 12px; margin: 6px 0;}
.khub-kind {font-size: 0.8em; padding: 1px 6px; border-radius: 6px; background: var(--background-fill-secondary);}
.khub-card-meta {font-size: 0.85em; opacity: 0.8;}
.khub-passage, .khub-entry {white-space: pre-wrap; font-size: 0.85em; max-height: 16em; overflow: auto;}
"""


@dataclass
class Services:
    """What the app serves from: one index, one model configuration, one review store."""

    searcher: Searcher
    diagnoser: Diagnoser
    assistant: Assistant
    reviews: ReviewStore
    review_login: tuple[str, str] | None  # (user, password) from the environment, or None: review is off


def build_app(services: Services) -> gr.Blocks:
    """The whole app: Ask, Search and Review tabs, and the public API."""
    with gr.Blocks(title="khub — engineering knowledge hub") as app:
        # The public API first, so its stable names are taken before any UI event is named.
        gr.api(api.ask_endpoint(services), api_name="ask", concurrency_limit=ANSWER_CONCURRENCY,
               concurrency_id="answers")
        gr.api(api.diagnose_endpoint(services), api_name="diagnose")
        gr.api(api.search_endpoint(services), api_name="search")
        gr.Markdown("# khub\nAsk the archive, paste an error, or search it. "
                    f"Answers: **{_mode_line(services.assistant)}**")
        with gr.Tab("Ask", id="ask"):
            _ask_tab(services)
        with gr.Tab("Search", id="search"):
            _search_tab(services)
        with gr.Tab("Review", id="review"):
            _review_tab(services)
    return app


def _mode_line(assistant: Assistant) -> str:
    model = assistant.config.model
    return ("extractive mode (no language model; " + render.MODEL_HINT + ")" if model == "extractive"
            else f"model {model}")


def _filters() -> tuple[gr.Dropdown, gr.Textbox, gr.Dropdown]:
    with gr.Row():
        kind = gr.Dropdown(["any", *KINDS], value="any", label="Kind", scale=1)
        language = gr.Textbox(label="Language", placeholder="any (e.g. python, php, rust)", scale=1)
        level = gr.Dropdown(["any", *LEVELS], value="any", label="Level", scale=1)
    return kind, language, level


def _as_filters(kind: str, language: str, level: str) -> Filters:
    return Filters(kind=None if kind in ("", "any") else kind, language=(language or "").strip().lower() or None,
                   level=None if level in ("", "any") else level)


# --- Ask --------------------------------------------------------------------------------------


def _ask_tab(services: Services) -> None:
    chatbot = gr.Chatbot(label="Conversation", height=460, sanitize_html=True, allow_tags=False,
                         feedback_options=("Like", "Dislike"), elem_id="khub-chat")
    question = gr.Textbox(label="Question or pasted error output", lines=3, submit_btn=True, elem_id="khub-question",
                          placeholder="How do I invalidate a JWT early?   — or paste a traceback, a compiler "
                                      "or database error")
    kind, language, level = _filters()
    sources = gr.HTML(label="Sources", elem_id="khub-sources")
    answer_ids = gr.State([])  # the review store's id of each answer in the conversation
    history = gr.State([])  # (role, text) turns, for follow-ups

    def respond(text, messages, turns, ids, kind_, language_, level_):
        text = (text or "").strip()
        if not text:
            raise gr.Error("Type a question, or paste the error output.")
        messages = [*messages, {"role": "user", "content": render.question_markdown(text)},
                    {"role": "assistant", "content": ""}]
        response = services.assistant.ask(text, tuple(turns), filters=_as_filters(kind_, language_, level_))
        streamed = ""
        for piece in response:  # render all that came so far, so markup split across pieces is caught whole;
            streamed += piece  # links wait for the checked answer
            messages[-1] = {"role": "assistant", "content": render.safe_markdown(streamed, links=False)}
            yield messages, gr.skip(), "", turns, ids
        answer = response.answer()
        messages[-1] = {"role": "assistant", "content": render.answer_markdown(answer)}
        answer_id = services.reviews.record_answer(answer)
        entries = {c.passage.entry_id: services.searcher.entry(c.passage.entry_id) for c in answer.citations}
        yield (messages, render.source_cards(answer.citations, entries), "",
               [*turns, ("user", text), ("assistant", answer.text)], [*ids, answer_id])

    question.submit(respond, [question, chatbot, history, answer_ids, kind, language, level],
                    [chatbot, sources, question, history, answer_ids], api_visibility="private",
                    concurrency_limit=ANSWER_CONCURRENCY, concurrency_id="answers")

    def feedback(ids, data: gr.LikeData):
        answer_number = data.index[0] // 2 if isinstance(data.index, (list, tuple)) else data.index // 2
        if 0 <= answer_number < len(ids):
            services.reviews.add_feedback(ids[answer_number], helpful=bool(data.liked))
            gr.Info("Thanks: your feedback reaches the mentors.")

    chatbot.like(feedback, [answer_ids], None, api_visibility="private")


# --- Search -----------------------------------------------------------------------------------


def _search_tab(services: Services) -> None:
    query = gr.Textbox(label="Search", placeholder="Start typing: results follow", elem_id="khub-search")
    kind, language, level = _filters()
    results = gr.Markdown(elem_id="khub-results")
    chosen = gr.Radio([], label="Open an entry", elem_id="khub-open")
    entry = gr.Markdown(elem_id="khub-entry")
    latest: dict[str | None, float] = {}  # by session; calls without one share a slot
    lock = threading.Lock()

    def search_as_you_type(text, kind_, language_, level_, request: gr.Request):
        # Debounce: a keystroke's search runs only if no newer keystroke came within SEARCH_DEBOUNCE.
        stamp = time.monotonic()
        with lock:
            latest[request.session_hash] = stamp
        time.sleep(SEARCH_DEBOUNCE)
        with lock:
            if latest.get(request.session_hash) != stamp:
                return gr.skip(), gr.skip()
        hits = services.searcher.search(text or "", top_k=10, filters=_as_filters(kind_, language_, level_))
        choices = [(f"{hit.passage.title} — {hit.passage.entry_id}", hit.passage.entry_id) for hit in hits]
        return render.results_markdown(text or "", hits), gr.Radio(choices=choices, value=None)

    inputs = [query, kind, language, level]
    for trigger in (query.input, kind.change, language.input, level.change):
        trigger(search_as_you_type, inputs, [results, chosen], api_visibility="private", trigger_mode="multiple",
                show_progress="hidden")
    chosen.change(lambda entry_id: render.entry_markdown(services.searcher.entry(entry_id) if entry_id else None),
                  chosen, entry, api_visibility="private")


# --- Review -----------------------------------------------------------------------------------


def _review_tab(services: Services) -> None:
    login_pair = services.review_login
    if login_pair is None:
        gr.Markdown("### Review is off\nMentors review stored answers here. To turn it on, set `KHUB_REVIEW_USER` "
                    "and `KHUB_REVIEW_PASSWORD` in the environment and restart `khub serve`.",
                    elem_id="khub-review-off")
        return
    signed_in = gr.State(False)
    with gr.Group(visible=True) as login_box:
        user = gr.Textbox(label="User", elem_id="khub-review-user")
        password = gr.Textbox(label="Password", type="password", elem_id="khub-review-password")
        login = gr.Button("Sign in", elem_id="khub-review-login")
        login_message = gr.Markdown()
    with gr.Column(visible=False) as desk:
        refresh = gr.Button("Refresh the queue", size="sm")
        show_all = gr.Checkbox(label="Include reviewed answers", value=False)
        queue = gr.Dataframe(headers=["id", "created_at", "question", "mode", "faithfulness", "thumbs_up",
                                      "thumbs_down", "verdict"], interactive=False, elem_id="khub-queue")
        answer_id = gr.Number(label="Answer id to open", precision=0, elem_id="khub-answer-id")
        open_button = gr.Button("Open", size="sm", elem_id="khub-open-answer")
        with gr.Row():
            answer_view = gr.Markdown(elem_id="khub-review-answer")
            sources_view = gr.HTML(elem_id="khub-review-sources")
        verdict = gr.Radio(list(VERDICTS), label="Verdict", elem_id="khub-verdict")
        note = gr.Textbox(label="Note", lines=2, elem_id="khub-review-note")
        save = gr.Button("Save the review", variant="primary", elem_id="khub-save-review")
        saved = gr.Markdown(elem_id="khub-review-saved")
        export = gr.Button("Export all to CSV", size="sm")
        download = gr.File(label="CSV", interactive=False)

    def sign_in(name, secret):
        expected_user, expected_password = login_pair
        ok = hmac.compare_digest(name or "", expected_user) and hmac.compare_digest(secret or "", expected_password)
        if not ok:
            return False, "Wrong user or password.", gr.Group(visible=True), gr.Column(visible=False), gr.skip()
        return True, "", gr.Group(visible=False), gr.Column(visible=True), _queue_rows(services, False)

    login.click(sign_in, [user, password], [signed_in, login_message, login_box, desk, queue], api_visibility="private")

    def guarded(fn):
        def run(is_signed_in, *args):
            if not is_signed_in:
                raise gr.Error("Sign in to review.")
            return fn(*args)
        return run

    refresh.click(guarded(lambda include: _queue_rows(services, include)), [signed_in, show_all], queue,
                  api_visibility="private")
    show_all.change(guarded(lambda include: _queue_rows(services, include)), [signed_in, show_all], queue,
                    api_visibility="private")
    open_button.click(guarded(lambda number: _open_answer(services, number)), [signed_in, answer_id],
                      [answer_view, sources_view], api_visibility="private")
    save.click(guarded(lambda number, verdict_, note_: _save_review(services, number, verdict_, note_)),
               [signed_in, answer_id, verdict, note], [saved, queue], api_visibility="private")
    export.click(guarded(lambda: str(services.reviews.export_csv(services.reviews.path.with_suffix(".csv")))),
                 [signed_in], download, api_visibility="private")


def _queue_rows(services: Services, include_reviewed: bool) -> list[list]:
    rows = services.reviews.queue(include_reviewed=include_reviewed)
    return [[r["id"], r["created_at"], r["question"][:120], r["mode"], round(r["faithfulness"], 2), r["thumbs_up"],
             r["thumbs_down"], r["verdict"] or ""] for r in rows]


def _open_answer(services: Services, number) -> tuple[str, str]:
    if number is None:
        raise gr.Error("Enter the id of an answer from the queue.")
    saved = services.reviews.get(int(number))
    marked = saved["answer"]
    for sentence in saved["sentences"]:
        if not sentence["supported"]:
            marked = marked.replace(sentence["text"], f"{sentence['text']} ⚠️ *unsupported*", 1)
    text = (f"### Question\n{render.safe_markdown(saved['question'])}\n\n### Answer ({saved['mode']}, "
            f"faithfulness {saved['faithfulness']:.2f})\n{render.safe_markdown(marked)}")
    citations = [Citation.from_dict(shape) for shape in saved["citations"]]
    entries = {c.passage.entry_id: services.searcher.entry(c.passage.entry_id) for c in citations}
    return text, render.source_cards(citations, entries)


def _save_review(services: Services, number, verdict: str, note: str):
    if number is None or not verdict:
        raise gr.Error("Open an answer and choose a verdict first.")
    services.reviews.review(int(number), verdict, note or "")
    return f"Saved: answer #{int(number)} is **{verdict}**.", _queue_rows(services, False)

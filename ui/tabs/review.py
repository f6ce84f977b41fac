"""The Review tab: mentors sign in, work through the queue of stored answers, and give verdicts."""

from __future__ import annotations

import hmac

import gradio as gr

from assistant.cite import Citation
from ui import render
from ui.reviews import VERDICTS
from ui.services import Services


def review_tab(services: Services) -> None:
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

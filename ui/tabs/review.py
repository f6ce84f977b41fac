"""The Review tab: mentors sign in, work through the queue of stored answers, and give verdicts.

Once a mentor signs in, the desk shows its panels. A panel is one function ``panel(services,
signed_in)`` that builds its components, fills them when ``signed_in`` turns True
(``signed_in.change``) and guards its own events with ``signed_in_only``: adding a panel to the
desk is one call in ``review_tab``.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import gradio as gr
import pandas as pd

from assistant.cite import Citation
from ui import render
from ui.mentor_session import SignInRefused, desk_mentor
from ui.reviews import VERDICTS
from ui.services import Services
from ui.tabs.suggest import suggestions_panel
from ui.throttle import TooManyAttempts

QUEUE_HEADERS = ["id", "asked", "question", "mode", "faithfulness", "liked", "disliked", "verdict", "mentor"]
QUEUE_LIMIT = 200  # newest answers shown at once
ANY_VERDICT = "any"
LIST_MARKER = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")  # a sentence that is a list item is shown without its bullet
# Exports go to the system's temp folder, which Gradio may serve from wherever the index lives.
EXPORTS = Path(tempfile.gettempdir()) / "khub-review-exports"
EXPORT_KEPT_SECONDS = 600  # older exports are deleted when a new one is made


def review_tab(services: Services, signed_in: gr.State) -> None:
    """The desk; ``signed_in`` is the app's one sign-in state, the MentorSession once a mentor signs in
    (ui/mentor_session.py), which other tabs read too. With review off it stays None."""
    if services.mentors is None:
        gr.Markdown("### Review is off\nMentors review stored answers here. To turn it on, add a mentor account "
                    "(`khub mentor add NAME`), or set `KHUB_REVIEW_USER` and `KHUB_REVIEW_PASSWORD` in the "
                    "environment for the first one, and restart `khub serve`.", elem_id="khub-review-off")
        return
    with gr.Group(visible=True) as login_box:
        user = gr.Textbox(label="User", elem_id="khub-review-user")
        password = gr.Textbox(label="Password", type="password", elem_id="khub-review-password")
        login = gr.Button("Sign in", elem_id="khub-review-login")
        login_message = gr.Markdown(elem_id="khub-review-login-message")
    with gr.Column(visible=False, elem_id="khub-review-desk") as desk:
        with gr.Row():
            whoami = gr.Markdown(elem_id="khub-review-whoami")
            sign_out = gr.Button("Sign out", size="sm", scale=0, elem_id="khub-review-signout")
        answers_panel(services, signed_in)
        suggestions_panel(services, signed_in)
        # The desk's next panel is one more call here: other_panel(services, signed_in).
    _wire_sign_in(services, signed_in, (user, password, login, login_message, login_box, desk, whoami, sign_out))


def _wire_sign_in(services: Services, signed_in: gr.State, parts: tuple) -> None:
    user, password, login, login_message, login_box, desk, whoami, sign_out = parts
    gate = services.mentors
    assert gate is not None

    def sign_in(name, secret, request: gr.Request):
        try:
            session = gate.sign_in(name, secret, request.client.host if request and request.client else "unknown")
        except (SignInRefused, TooManyAttempts) as refused:
            return None, str(refused), gr.skip(), gr.skip(), "", ""
        return (session, "", gr.Group(visible=False), gr.Column(visible=True),
                f"Signed in as **{render.safe_markdown(session.name)}**", "")

    def leave():
        return None, "Signed out.", gr.Group(visible=True), gr.Column(visible=False), "", ""

    outputs = [signed_in, login_message, login_box, desk, whoami, password]
    for trigger in (login.click, password.submit):
        trigger(sign_in, [user, password], outputs, api_visibility="private")
    sign_out.click(leave, None, outputs, api_visibility="private")


def signed_in_only(services: Services, fn: Callable, *, as_mentor: bool = False) -> Callable:
    """An event handler whose first input is the ``signed_in`` state: refused unless the session holds
    (ui/mentor_session.py); with ``as_mentor`` the mentor's name is passed first."""
    def run(session, *args):
        mentor = desk_mentor(services.mentors, session)
        return fn(mentor, *args) if as_mentor else fn(*args)
    return run


@dataclass
class AnswerDesk:
    """The answers panel's components."""

    thumbs_down: gr.Checkbox
    unreviewed: gr.Checkbox
    verdict_filter: gr.Dropdown
    refresh: gr.Button
    export: gr.DownloadButton
    count: gr.Markdown
    queue: gr.Dataframe
    answer_id: gr.Number
    open_button: gr.Button
    answer_view: gr.Markdown
    sources_view: gr.HTML
    verdict: gr.Radio
    note: gr.Textbox
    save: gr.Button
    saved: gr.Markdown

    @property
    def filters(self) -> list:
        return [self.thumbs_down, self.unreviewed, self.verdict_filter]

    @property
    def listing(self) -> list:
        return [self.queue, self.count]

    @property
    def opened(self) -> list:
        return [self.answer_id, self.answer_view, self.sources_view, self.verdict, self.note]


def answers_panel(services: Services, signed_in: gr.State) -> None:
    """The queue with its filters (click a row to open it), the answer beside its sources with each
    sentence's support, and the verdict."""
    desk = _answers_layout()
    _wire_queue(services, signed_in, desk)
    _wire_answer(services, signed_in, desk)


def _answers_layout() -> AnswerDesk:
    with gr.Row(equal_height=True, elem_id="khub-queue-filters"):
        thumbs_down = gr.Checkbox(label="Thumbs down only", value=False, elem_id="khub-filter-thumbs-down")
        unreviewed = gr.Checkbox(label="Not reviewed yet", value=True, elem_id="khub-filter-unreviewed")
        verdict_filter = gr.Dropdown([ANY_VERDICT, *VERDICTS], value=ANY_VERDICT, label="Verdict",
                                     elem_id="khub-filter-verdict")
        with gr.Column(scale=0, min_width=180):
            refresh = gr.Button("Refresh the queue", size="sm", elem_id="khub-refresh-queue")
            export = gr.DownloadButton("Export all to CSV", size="sm", elem_id="khub-export")
    count = gr.Markdown(elem_id="khub-queue-count")
    queue = gr.Dataframe(pd.DataFrame(columns=QUEUE_HEADERS), interactive=False, wrap=True, max_height=360,
                         column_widths=["5%", "13%", "36%", "9%", "8%", "6%", "7%", "8%", "8%"], elem_id="khub-queue")
    with gr.Row(elem_id="khub-open-by-id"):
        answer_id = gr.Number(label="Answer id (or click a row above)", precision=0, scale=0, min_width=240,
                              elem_id="khub-answer-id")
        open_button = gr.Button("Open", size="sm", scale=0, min_width=100, elem_id="khub-open-answer")
    with gr.Row():
        with gr.Column(scale=3):
            answer_view = gr.Markdown("*Click a row of the queue to open its answer.*", elem_id="khub-review-answer")
        with gr.Column(scale=2):
            sources_view = gr.HTML(elem_id="khub-review-sources")
    verdict = gr.Radio(list(VERDICTS), label="Verdict", elem_id="khub-verdict")
    note = gr.Textbox(label="Note (with incorrect or needs_fix, shown to whoever asks this question again)", lines=2,
                      elem_id="khub-review-note")
    save = gr.Button("Save the review", variant="primary", elem_id="khub-save-review")
    saved = gr.Markdown(elem_id="khub-review-saved")
    return AnswerDesk(thumbs_down, unreviewed, verdict_filter, refresh, export, count, queue, answer_id, open_button,
                      answer_view, sources_view, verdict, note, save, saved)


def _wire_queue(services: Services, signed_in: gr.State, desk: AnswerDesk) -> None:
    def listing(thumbs_down, unreviewed, verdict):
        return _queue(services, thumbs_down, unreviewed, verdict)

    def on_sign_in(session, *filters):
        if session is None:  # signed out
            return gr.skip(), gr.skip(), gr.skip()
        desk_mentor(services.mentors, session)
        return (*listing(*filters), _export(services))

    def pick_verdict(thumbs_down, unreviewed, verdict):  # a verdict means reviewed answers
        unreviewed = unreviewed and verdict == ANY_VERDICT
        return (*listing(thumbs_down, unreviewed, verdict), unreviewed)

    def pick_unreviewed(thumbs_down, unreviewed, verdict):  # not yet reviewed means no verdict
        verdict = ANY_VERDICT if unreviewed else verdict
        return (*listing(thumbs_down, unreviewed, verdict), verdict)

    inputs = [signed_in, *desk.filters]
    signed_in.change(on_sign_in, inputs, [*desk.listing, desk.export], api_visibility="private")
    desk.refresh.click(signed_in_only(services, lambda *f: (*listing(*f), _export(services))), inputs,
                       [*desk.listing, desk.export], api_visibility="private")
    desk.thumbs_down.input(signed_in_only(services, listing), inputs, desk.listing, api_visibility="private")
    desk.verdict_filter.input(signed_in_only(services, pick_verdict), inputs, [*desk.listing, desk.unreviewed],
                              api_visibility="private")
    desk.unreviewed.input(signed_in_only(services, pick_unreviewed), inputs,
                          [*desk.listing, desk.verdict_filter],
                          api_visibility="private")


def _wire_answer(services: Services, signed_in: gr.State, desk: AnswerDesk) -> None:
    def open_row(session, event: gr.SelectData):
        desk_mentor(services.mentors, session)
        return _open_answer(services, (event.row_value or [None])[0])

    def save(mentor, number, verdict, note, *filters):
        message = _save_review(services, number, verdict, note, mentor)
        return (message, *_queue(services, *filters), _export(services))

    desk.queue.select(open_row, [signed_in], desk.opened, api_visibility="private")
    desk.open_button.click(signed_in_only(services, lambda number: _open_answer(services, number)),
                           [signed_in, desk.answer_id],
                           desk.opened, api_visibility="private")
    desk.save.click(signed_in_only(services, save, as_mentor=True),
                    [signed_in, desk.answer_id, desk.verdict, desk.note, *desk.filters],
                    [desk.saved, *desk.listing, desk.export], api_visibility="private")


def _queue(services: Services, thumbs_down: bool, unreviewed: bool, verdict: str | None) -> tuple[pd.DataFrame, str]:
    """The queue as filtered, and a line saying how many answers match."""
    chosen = verdict if verdict and verdict != ANY_VERDICT else None
    found = services.reviews.queue(include_reviewed=not unreviewed, limit=QUEUE_LIMIT, thumbs_down=bool(thumbs_down),
                                   verdict=chosen)
    rows = [[r["id"], r["created_at"].replace("T", " ")[:16], " ".join(r["question"].split())[:160], r["mode"],
             round(r["faithfulness"], 2), r["thumbs_up"], r["thumbs_down"], r["verdict"] or "", r["reviewer"] or ""]
            for r in found]
    shown = f"the newest {QUEUE_LIMIT} shown" if len(rows) == QUEUE_LIMIT else "newest first"
    count = (f"**{len(rows)}** answer{'s' if len(rows) != 1 else ''} ({shown}). Click a row to open it."
             if rows else "No answers match these filters.")
    return pd.DataFrame(rows, columns=QUEUE_HEADERS), count


def _open_answer(services: Services, number) -> tuple:
    """The answer's id, the answer with each sentence's support, its source cards, and its latest verdict."""
    if number is None or number == "":
        raise gr.Error("Click a row of the queue, or enter the id of an answer from it.")
    saved = services.reviews.get(int(number))
    citations = [Citation.from_dict(shape) for shape in saved["citations"]]
    entries = {c.passage.entry_id: services.searcher.entry(c.passage.entry_id) for c in citations}
    latest = saved["reviews"][-1] if saved["reviews"] else None
    return (int(number), _answer_markdown(saved), render.source_cards(citations, entries),
            latest["verdict"] if latest else None, latest["note"] if latest else "")


def _answer_markdown(saved: dict) -> str:
    up = sum(1 for thumb in saved["feedback"] if thumb["helpful"])
    down = len(saved["feedback"]) - up
    facts = (f"answer #{saved['id']} · {saved['mode']} · faithfulness {saved['faithfulness']:.2f} · "
             f"thumbs up {up} · thumbs down {down} · asked {saved['created_at'].replace('T', ' ')[:16]}")
    parts = [f"### Question\n{render.safe_markdown(saved['question'])}", f"*{facts}*",
             f"### Answer\n{render.safe_markdown(saved['answer'], links=False)}", _support_markdown(saved["sentences"])]
    if saved["reviews"]:
        parts.append("### Verdicts so far\n" + "\n".join(
            f"- **{review['verdict']}** by {render.safe_markdown(review['reviewer'])} "
            f"({review['created_at'][:10]}) {render.safe_markdown(' '.join(review['note'].split()))}"
            for review in saved["reviews"]))
    return "\n\n".join(parts)


def _support_markdown(sentences: list[dict]) -> str:
    """Each judged sentence with its verdict: supported or not by the passages it cites."""
    if not sentences:
        return "### Support, sentence by sentence\nNo sentence of this answer was judged (too short, or a refusal)."
    supported = sum(1 for sentence in sentences if sentence["supported"])
    lines = [f"### Support, sentence by sentence\n{supported} of {len(sentences)} judged sentences are supported "
             "by the passages they cite.\n"]
    for sentence in sentences:
        mark = "✓ **supported**" if sentence["supported"] else "✗ **unsupported**"
        cites = " ".join(f"[{n}]" for n in sentence["cites"]) or "no citation"
        text = render.safe_markdown(LIST_MARKER.sub("", " ".join(sentence["text"].split())), links=False)
        lines.append(f"- {mark} · {cites} — {text}")
    return "\n".join(lines)


def _save_review(services: Services, number, verdict: str, note: str, mentor: str) -> str:
    if number is None or not verdict:
        raise gr.Error("Open an answer and choose a verdict first.")
    services.reviews.review(int(number), verdict, note or "", reviewer=mentor)
    return f"Saved: answer #{int(number)} is **{verdict}**, by {render.safe_markdown(mentor)}."


def _export(services: Services) -> str:
    """A fresh CSV of every answer and verdict, for the download button; old exports are cleared."""
    EXPORTS.mkdir(parents=True, exist_ok=True)
    for old in EXPORTS.iterdir():
        with contextlib.suppress(FileNotFoundError):  # another session may have cleared it just now
            if time.time() - old.stat().st_mtime > EXPORT_KEPT_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
    folder = EXPORTS / uuid.uuid4().hex
    folder.mkdir()
    return str(services.reviews.export_csv(folder / "khub-reviews.csv"))

"""Suggest an improvement: a reader's box under any whole entry, and the mentors' panel on the review desk.

A reader edits the entry's current text (prefilled) and says why; the suggestion waits for a mentor,
who sees it as a unified diff against the entry's current text and accepts (ui/accept.py writes the
file and re-ingests) or rejects it with a note. Proposals are a reader's text: shown escaped, as
every archive text is (ui/render.py).
"""

from __future__ import annotations

import difflib
import html

import gradio as gr

from assistant.markdown import clean_html
from ingest.entry import Entry
from ui import render
from ui.accept import accept_suggestion
from ui.live import swap_live_index
from ui.mentor_session import desk_mentor
from ui.services import Services
from ui.suggestions import Suggestion, SuggestionError, SuggestionStore
from ui.web_limits import check_limits

HOW = ("Edit the entry's text below and say why it is better. A mentor sees your change as a diff "
       "against the entry and accepts or rejects it; accepted text is published to the archive.")


def suggest_box(services: Services, entry_id: gr.Radio, key: str = "search") -> None:
    """A "Suggest an improvement" box for the entry whose id ``entry_id`` holds, prefilled with its text."""
    store = SuggestionStore(services.reviews.path)
    with gr.Accordion("Suggest an improvement", open=False, visible=False, elem_id=f"khub-suggest-{key}") as box:
        gr.Markdown(HOW)
        title = gr.Textbox(label="Title", elem_id=f"khub-suggest-{key}-title")
        body = gr.Textbox(label="Text (Markdown)", lines=12, max_lines=40, elem_id=f"khub-suggest-{key}-body")
        reason = gr.Textbox(label="Why is this better?", lines=2, elem_id=f"khub-suggest-{key}-reason")
        send = gr.Button("Send the suggestion", variant="primary", elem_id=f"khub-suggest-{key}-send")
        sent = gr.Markdown(elem_id=f"khub-suggest-{key}-sent")

    def prefill(chosen):
        entry = services.searcher.entry(chosen) if chosen else None
        if entry is None:
            return gr.Accordion(visible=False), "", "", ""
        return gr.Accordion(visible=True, open=False), entry.title, entry.body, ""

    def submit(chosen, title_, body_, reason_, request: gr.Request):
        check_limits(services, "ask", request)  # a stored write, like a question: the same per-client limit
        entry = _entry(services, chosen)
        try:
            suggestion = store.add(entry.id, body_ or "", title=title_, reason=reason_ or "", base_title=entry.title,
                                   base_body=entry.body)
        except SuggestionError as exc:
            raise gr.Error(str(exc)) from None
        return (f"Thank you: suggestion #{suggestion.id} for `{entry.id}` is with the mentors. They see it "
                "as a diff and accept or reject it with a note."), ""

    entry_id.change(prefill, entry_id, [box, title, body, sent], api_visibility="private")
    send.click(submit, [entry_id, title, body, reason], [sent, reason], api_visibility="private")


def suggest_for_answer(services: Services, answer_ids: gr.State) -> None:
    """Under the Ask tab's sources: choose an entry the latest answer cited, and suggest a better text for it."""
    cited = gr.Radio([], label="Suggest an improvement to an entry this answer cited", visible=False,
                     elem_id="khub-suggest-ask-entry")
    suggest_box(services, cited, key="ask")

    def cited_entries(ids):
        if not ids or ids[-1] is None:  # None: an answer not stored (the client's daily cap, ui/web_limits.py)
            return gr.Radio(choices=[], value=None, visible=False)
        citations = services.reviews.get(int(ids[-1]))["citations"]
        choices = list(dict.fromkeys((f"{c['title']} — {c['entry_id']}", c["entry_id"]) for c in citations))
        return gr.Radio(choices=choices, value=None, visible=bool(choices))

    answer_ids.change(cited_entries, answer_ids, cited, api_visibility="private")


def suggestions_panel(services: Services, signed_in: gr.State) -> None:
    """The mentors' side, inside the review desk: pending suggestions, each as a diff, accepted or rejected."""
    store = SuggestionStore(services.reviews.path)
    gr.Markdown("### Suggested improvements", elem_id="khub-suggestions-heading")
    with gr.Row():
        refresh = gr.Button("Refresh suggestions", size="sm", elem_id="khub-refresh-suggestions")
        include = gr.Checkbox(label="Include accepted and rejected ones", value=False)
    listing = gr.Radio([], label="Open a suggestion", elem_id="khub-suggestion-list")
    details = gr.Markdown(elem_id="khub-suggestion-details")
    diff = gr.HTML(elem_id="khub-suggestion-diff")
    note = gr.Textbox(label="Note (why accepted or rejected)", lines=2, elem_id="khub-suggestion-note")
    with gr.Row():
        accept = gr.Button("Accept and publish", variant="primary", elem_id="khub-accept-suggestion")
        reject = gr.Button("Reject", variant="stop", elem_id="khub-reject-suggestion")
    outcome = gr.Markdown(elem_id="khub-suggestion-outcome")

    def guarded(fn, as_mentor: bool = False):
        def run(session, *args):
            mentor = desk_mentor(services.mentors, session)  # who decides is recorded with the decision
            return fn(mentor, *args) if as_mentor else fn(*args)
        return run

    def show(chosen):
        if chosen is None:
            return "", ""
        return _opened(services, store.get(int(chosen)))

    def decide(accepting: bool):
        def run(mentor, chosen, include_, note_):
            if chosen is None:
                raise gr.Error("Open a suggestion from the list first.")
            done = (_accept(services, store, int(chosen), mentor, note_ or "") if accepting
                    else _reject(store, int(chosen), mentor, note_ or ""))
            return (done, _listing(store, include_, keep=int(chosen)), *_opened(services, store.get(int(chosen))), "")
        return run

    listed = guarded(lambda include_: _listing(store, include_))
    signed_in.change(lambda session, include_: _listing(store, include_) if session is not None else gr.skip(),
                     [signed_in, include],
                     listing, api_visibility="private")  # the list is there when the desk opens
    for trigger in (refresh.click, include.change):
        trigger(listed, [signed_in, include], listing, api_visibility="private")
    listing.change(guarded(show), [signed_in, listing], [details, diff], api_visibility="private")
    for button, accepting in ((accept, True), (reject, False)):
        button.click(guarded(decide(accepting), as_mentor=True), [signed_in, listing, include, note],
                     [outcome, listing, details, diff, note], api_visibility="private")


def _entry(services: Services, entry_id: str | None) -> Entry:
    entry = services.searcher.entry(entry_id) if entry_id else None
    if entry is None:
        raise gr.Error("Open an entry first: this one is not in the archive any more." if entry_id
                       else "Open an entry first.")
    return entry


def _listing(store: SuggestionStore, include_decided: bool, keep: int | None = None):
    """The suggestions to list; ``keep`` (one just decided) stays listed and chosen."""
    suggestions = store.listing(include_decided=include_decided)
    if keep is not None and all(s.id != keep for s in suggestions):
        suggestions.insert(0, store.get(keep))
    choices = [(_label(s), s.id) for s in suggestions]
    return gr.Radio(choices=choices, value=keep,
                    label="Open a suggestion" if choices else "No suggestions waiting: readers' proposals appear here")


def _label(suggestion: Suggestion) -> str:
    reason = " ".join(suggestion.reason.split())
    reason = reason[:70] + ("…" if len(reason) > 70 else "")
    return f"#{suggestion.id} · {suggestion.entry_id} · {suggestion.status}" + (f" · {reason}" if reason else "")


def _opened(services: Services, suggestion: Suggestion) -> tuple[str, str]:
    """The suggestion's facts, and its diff: against the entry's current text while pending, else
    against the text the reader saw."""
    entry = services.searcher.entry(suggestion.entry_id)
    pending = suggestion.status == "pending"
    base_title, base_body = ((entry.title, entry.body) if pending and entry is not None
                             else (suggestion.base_title, suggestion.base_body))
    facts = [f"**Suggestion #{suggestion.id}** for `{suggestion.entry_id}`, sent {suggestion.created_at}: "
             f"**{suggestion.status}**"]
    if suggestion.reason:
        facts.append(f"**Why:** {render.safe_markdown(suggestion.reason)}")
    if not pending:
        facts.append(f"Decided by **{render.safe_markdown(suggestion.decided_by or '')}** at {suggestion.decided_at}"
                     + (f": {render.safe_markdown(suggestion.note)}" if suggestion.note else ""))
    if suggestion.file_written:
        facts.append(f"Written to `{suggestion.file_written}`")
    if pending and entry is None:
        facts.append("⚠️ The entry is no longer in the archive; reject the suggestion.")
    elif pending and (base_title, base_body) != (suggestion.base_title, suggestion.base_body):
        facts.append("⚠️ The entry has changed since this suggestion was made; the diff is against its text now.")
    if suggestion.error:
        facts.append(f"⚠️ **Not applied yet:** {render.safe_markdown(suggestion.error)}")
    after = (suggestion.title or base_title, suggestion.body)
    label = "current" if pending else "as the reader saw it"
    return "\n\n".join(facts), diff_html((base_title, base_body), after, suggestion, label)


def diff_html(before: tuple[str, str], after: tuple[str, str], suggestion: Suggestion, label: str = "current") -> str:
    """A unified diff of (title, body) pairs, every line escaped, added and removed lines marked."""
    lines = list(difflib.unified_diff(_as_lines(*before), _as_lines(*after), f"{suggestion.entry_id} ({label})",
                                      f"suggestion #{suggestion.id}", lineterm=""))
    if not lines:
        return "<p class='khub-none'>No difference from the entry's text.</p>"
    rows = [f"<span class='khub-diff-{_line_kind(line)}'>{html.escape(line) or ' '}</span>" for line in lines]
    return clean_html(f"<pre class='khub-diff'>{''.join(rows)}</pre>")


def _as_lines(title: str, body: str) -> list[str]:
    return [f"# {title}", "", *body.split("\n")]


def _line_kind(line: str) -> str:
    if line.startswith(("+++", "---")):
        return "file"
    return {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], "same")


def _accept(services: Services, store: SuggestionStore, suggestion_id: int, reviewer: str, note: str) -> str:
    if services.settings is None:
        raise gr.Error("This app was started without its settings, so it cannot re-ingest; start it with khub serve.")
    try:
        accepted = accept_suggestion(store, suggestion_id, services.settings, reviewer=reviewer, note=note)
    except SuggestionError as exc:
        return f"⚠️ {render.safe_markdown(str(exc))}"
    report = accepted.ingest.report
    try:
        swap_live_index(services, services.settings)
    except Exception as exc:  # the new snapshot is live on disk; say how to serve it
        return (f"⚠️ Accepted and indexed, but this app could not open the new index ({render.safe_markdown(str(exc))})"
                "; restart khub serve to serve it.")
    return (f"Accepted suggestion #{suggestion_id}: `{accepted.suggestion.entry_id}` now reads as suggested "
            f"(written to `{accepted.suggestion.file_written}`, re-indexed in {report.seconds:.1f} s).")


def _reject(store: SuggestionStore, suggestion_id: int, reviewer: str, note: str) -> str:
    try:
        rejected = store.reject(suggestion_id, reviewer, note)
    except SuggestionError as exc:
        return f"⚠️ {render.safe_markdown(str(exc))}"
    return f"Rejected suggestion #{suggestion_id} for `{rejected.entry_id}`; it is kept with your note."

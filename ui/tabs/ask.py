"""The Ask tab: a chat that answers questions and pasted errors, with source cards and thumbs."""

from __future__ import annotations

import gradio as gr

from ui import render
from ui.reviews import WARNING_VERDICTS
from ui.services import Services
from ui.tabs.filters import as_filters, filter_inputs
from ui.tabs.suggest import suggest_for_answer
from ui.web_limits import client_of, not_stored_notice, refusal, store_answer

ANSWER_CONCURRENCY = 2  # answers written at once; more wait in their queue, searches do not


def ask_tab(services: Services) -> None:
    chatbot = gr.Chatbot(label="Conversation", height=460, sanitize_html=True, allow_tags=False,
                         feedback_options=("Like", "Dislike"), elem_id="khub-chat")
    question = gr.Textbox(label="Question or pasted error output", lines=3, submit_btn=True, elem_id="khub-question",
                          placeholder="How do I invalidate a JWT early?   — or paste a traceback, a compiler "
                                      "or database error")
    kind, language, level = filter_inputs()
    sources = gr.HTML(label="Sources", elem_id="khub-sources")
    answer_ids = gr.State([])  # the review store's id of each answer in the conversation
    history = gr.State([])  # (role, text) turns, for follow-ups

    def respond(text, messages, turns, ids, kind_, language_, level_, request: gr.Request):
        text = (text or "").strip()
        if not text:
            raise gr.Error("Type a question, or paste the error output.")
        client = client_of(request)
        refused = refusal(services, "ask", client, text)  # a pasted error too: one chat, one limit
        if refused:  # a toast: an error would cover the conversation until the next answer
            gr.Warning(refused, title="Limit reached")
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        messages = [*messages, {"role": "user", "content": render.question_markdown(text)},
                    {"role": "assistant", "content": ""}]
        response = services.assistant.ask(text, tuple(turns), filters=as_filters(kind_, language_, level_))
        streamed = ""
        for piece in response:  # render all that came so far, so markup split across pieces is caught whole;
            streamed += piece  # links wait for the checked answer
            messages[-1] = {"role": "assistant", "content": render.safe_markdown(streamed, links=False)}
            yield messages, gr.skip(), "", turns, ids
        answer = response.answer()
        notice = verdict_notice(services.reviews.earlier_verdict(text))
        answer_id = store_answer(services, answer, client)  # None: the client's day's share is stored
        if answer_id is None:
            notice = f"> {not_stored_notice(services)}\n\n{notice}"
        messages[-1] = {"role": "assistant", "content": notice + render.answer_markdown(answer)}
        entries = {c.passage.entry_id: services.searcher.entry(c.passage.entry_id) for c in answer.citations}
        yield (messages, render.source_cards(answer.citations, entries), "",
               [*turns, ("user", text), ("assistant", answer.text)], [*ids, answer_id])

    question.submit(respond, [question, chatbot, history, answer_ids, kind, language, level],
                    [chatbot, sources, question, history, answer_ids], api_visibility="private",
                    concurrency_limit=ANSWER_CONCURRENCY, concurrency_id="answers")

    def feedback(ids, data: gr.LikeData):
        answer_number = data.index[0] // 2 if isinstance(data.index, (list, tuple)) else data.index // 2
        if 0 <= answer_number < len(ids) and ids[answer_number] is None:
            gr.Info("This answer was not stored for review, so your feedback cannot reach the mentors.")
        elif 0 <= answer_number < len(ids):
            services.reviews.add_feedback(ids[answer_number], helpful=bool(data.liked))
            gr.Info("Thanks: your feedback reaches the mentors.")

    chatbot.like(feedback, [answer_ids], None, api_visibility="private")
    suggest_for_answer(services, answer_ids)


def verdict_notice(earlier: dict | None) -> str:
    """A mentor's verdict of incorrect or needs_fix on an earlier answer to the same question, and the
    mentor's note, to show above the new answer; empty otherwise."""
    if not earlier or earlier["verdict"] not in WARNING_VERDICTS:
        return ""
    note = " ".join(earlier["note"].split())  # one line, so the quote holds all of it
    said = f" The mentor's note: {render.safe_markdown(note)}" if note else ""
    return (f"> ⚠ **A mentor marked an earlier answer to this question `{earlier['verdict']}`** "
            f"({earlier['reviewed_at'][:10]}).{said}\n\n")

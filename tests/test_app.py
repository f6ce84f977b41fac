"""The app's wiring, without a browser: tabs, the public API's names, and review switched off."""

import json

from embeddings.pipeline import run_ingest
from ui.app import build_app
from ui.render import answer_markdown, question_markdown, safe_markdown
from ui.server import open_services


def test_without_credentials_review_says_how_to_enable_it_and_only_three_endpoints_are_public(archive, settings):
    run_ingest([archive], settings)
    app = build_app(open_services(settings, review_login=None))
    config = json.dumps(app.config["components"], default=str)
    assert "Review is off" in config and "KHUB_REVIEW_USER" in config and "KHUB_REVIEW_PASSWORD" in config
    public = {d["api_name"] for d in app.config["dependencies"] if d.get("api_visibility", "public") == "public"}
    assert public == {"ask", "diagnose", "search"}


def test_safe_markdown_keeps_code_and_disarms_html_images_and_script_links():
    text = ("See <script>alert(1)</script> and <img src=x onerror=alert(2)> ![p](https://t.example/p.png) "
            "[bad](javascript:alert(3)) [good](https://owasp.org) `<b>code</b>`\n```html\n<b>block</b>\n```")
    safe = safe_markdown(text)
    assert "<script>" not in safe and "&lt;script&gt;" in safe and "<img" not in safe
    assert "t.example" not in safe and "javascript:" not in safe and "[good](https://owasp.org)" in safe
    assert "`<b>code</b>`" in safe and "```html\n<b>block</b>\n```" in safe


def test_unsupported_sentences_are_marked_and_the_mode_is_named():
    from assistant.answer import Answer

    answer = Answer(question="q", query="q", text="Supported claim [1]. Invented claim.", mode="openai/gpt-4o-mini",
                    refused=False, citations=(), unsupported_sentences=("Invented claim.",))
    shown = answer_markdown(answer)
    assert "Invented claim. ⚠️ *not supported by the cited passages*" in shown
    assert "Answered by model `openai/gpt-4o-mini`" in shown


def test_a_pasted_trace_shows_as_code_as_printed_and_a_question_as_text():
    trace = ('Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n'
             '    print(rows["total"])  # <script>alert(1)</script>\nKeyError: \'total\'\n')
    shown = question_markdown(trace)
    assert shown.startswith("```") and shown.rstrip().endswith("```") and trace.strip() in shown
    question = "why does my dict lookup fail with <b>KeyError</b>?"
    assert question_markdown(question) == safe_markdown(question) and "<b>" not in question_markdown(question)
    with_fence = "```\nTypeError: x is not a function\n    at main (/srv/a.js:1:1)\n```"
    assert question_markdown(with_fence).startswith("````")  # a longer fence: nothing inside closes it

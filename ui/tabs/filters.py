"""The kind / language / level filters that the Ask and Search tabs share."""

from __future__ import annotations

import gradio as gr

from embeddings.query import Filters
from ingest.entry import KINDS, LEVELS


def filter_inputs() -> tuple[gr.Dropdown, gr.Textbox, gr.Dropdown]:
    with gr.Row():
        kind = gr.Dropdown(["any", *KINDS], value="any", label="Kind", scale=1)
        language = gr.Textbox(label="Language", placeholder="any (e.g. python, php, rust)", scale=1)
        level = gr.Dropdown(["any", *LEVELS], value="any", label="Level", scale=1)
    return kind, language, level


def as_filters(kind: str, language: str, level: str) -> Filters:
    return Filters(kind=None if kind in ("", "any") else kind, language=(language or "").strip().lower() or None,
                   level=None if level in ("", "any") else level)

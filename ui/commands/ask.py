"""``khub ask``: a cited answer from the archive, streamed; a chat when no question is given."""

from __future__ import annotations

import json
from pathlib import Path

import click

from assistant.answer import EXTRACTIVE, Answer, Assistant, open_assistant
from embeddings.query import Filters
from ui.commands.batch import run_batch
from ui.options import (
    index_dir_option,
    json_option,
    kind_option,
    language_option,
    level_option,
    settings_from,
    store_option,
)

HOW_TO_CONFIGURE = ("for a language model, set KHUB_MODEL=local (SmolLM2-135M, in-process) or any litellm model, "
                    "e.g. KHUB_MODEL=openai/gpt-4o-mini with OPENAI_API_KEY set, or KHUB_MODEL=ollama/llama3.1")


@click.command("ask")
@click.argument("question", required=False)
@click.option("--model", "-m", envvar="KHUB_MODEL",
              help="extractive (no LLM, the default), local, or a litellm model string (env KHUB_MODEL).")
@click.option("--show-context", is_flag=True, help="Print the numbered passages the answer was written from.")
@click.option("--batch", type=click.File("r", encoding="utf-8"),
              help='Read JSON lines {"id", "query"} from FILE ("-" for stdin); print one JSON answer per line.')
@kind_option
@language_option
@level_option
@index_dir_option
@store_option
@json_option
def ask_command(question: str | None, model: str | None, show_context: bool, batch, kind, language, level,
                index_dir: Path | None, as_json: bool) -> None:
    """Answer QUESTION from the archive, citing entries as [1], [2], ...; with no QUESTION, chat.

    Error output pasted into the question is diagnosed first. The default extractive mode needs no
    language model: it quotes the best entries, each sentence cited.

    \b
    Examples:
      khub ask "how do I invalidate a JWT before it expires?"
      khub ask "how do I invalidate a JWT before it expires?" --model local
      KHUB_MODEL=openai/gpt-4o-mini khub ask "what is a recursive CTE?" --json
      khub ask --batch questions.jsonl --json > answers.jsonl
      khub ask                                   # a chat; follow-ups use the conversation
    """
    settings = settings_from(index_dir)
    assistant = open_assistant(settings)
    filters = Filters(kind=kind, language=language, level=level)
    if batch is not None:
        run_batch(batch, "query",
                  lambda question: assistant.ask(question, filters=filters, model=model).answer().as_dict())
    elif question is not None:
        _answer(assistant, question, (), filters, model, as_json, show_context)
    else:
        _chat(assistant, filters, model, show_context)


def _answer(assistant: Assistant, question: str, history, filters: Filters, model: str | None, as_json: bool,
            show_context: bool) -> Answer:
    response = assistant.ask(question, history, filters=filters, model=model)
    if not as_json:
        for piece in response:
            click.echo(piece, nl=False)
    answer = response.answer()
    if as_json:
        click.echo(json.dumps(answer.as_dict(), indent=2, ensure_ascii=False))
    else:
        _print_after(answer, show_context)
    return answer


def _print_after(answer: Answer, show_context: bool) -> None:
    click.echo()
    for notice in answer.notices:
        click.secho(f"note: {notice}", fg="yellow", err=True)
    if answer.citations:
        click.secho("\nSources:", bold=True)
        for citation in answer.citations:
            passage = citation.passage
            click.echo(f" [{citation.n}] {passage.title} — {passage.entry_id} › {passage.section}")
            if show_context:
                click.echo("     " + " ".join(passage.text.split())[:400])
    if answer.unsupported_sentences:
        click.secho("\nNot supported by the cited passages:", fg="yellow")
        for sentence in answer.unsupported_sentences:
            click.echo(f" - {sentence}")
    mode = "extractive mode (no language model)" if answer.mode == EXTRACTIVE else f"model {answer.mode}"
    hint = f"; {HOW_TO_CONFIGURE}" if answer.mode == EXTRACTIVE else ""
    click.secho(f"\nAnswered by {mode}{hint}.", dim=True, err=True)


def _chat(assistant: Assistant, filters: Filters, model: str | None, show_context: bool) -> None:
    click.echo("Ask the archive; follow-up questions use the conversation. An empty line or Ctrl-D ends.", err=True)
    history: list[tuple[str, str]] = []
    while True:
        try:
            question = click.prompt("\n>", prompt_suffix=" ", default="", show_default=False)
        except (EOFError, click.Abort):
            break
        if not question.strip():
            break
        answer = _answer(assistant, question, tuple(history), filters, model, False, show_context)
        history += [("user", question), ("assistant", answer.text)]

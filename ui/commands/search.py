"""``khub search``: hybrid search from the terminal, one query or a batch of JSON lines."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click

from assistant.search import Hit, open_searcher
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
    top_k_option,
)


@click.command("search")
@click.argument("query", required=False)
@kind_option
@language_option
@level_option
@top_k_option
@click.option("--batch", type=click.File("r", encoding="utf-8"),
              help='Read JSON lines {"id", "query"} from FILE ("-" for stdin); print one JSON line per input.')
@index_dir_option
@store_option
@json_option
def search_command(query: str | None, kind: str | None, language: str | None, level: str | None, top_k: int,
                   batch, index_dir: Path | None, as_json: bool) -> None:
    """Find the entries that best answer QUERY (meaning and exact words, fused).

    \b
    Examples:
      khub search "how do I expire a JWT early"
      khub search "foreign key constraint fails" --kind error --top-k 3
      khub search "debounce" --language javascript --json
      khub search --batch questions.jsonl --json > results.jsonl
    """
    if (query is None) == (batch is None):
        raise click.UsageError('give a QUERY or --batch FILE, e.g. khub search "jwt expiry"')
    filters = Filters(kind=kind, language=language, level=level)
    searcher = open_searcher(settings_from(index_dir))
    if query is None:  # then --batch was given
        def hits_of(query: str) -> dict:
            return {"hits": [hit.as_dict() for hit in searcher.search(query, top_k=top_k, filters=filters)]}

        run_batch(batch, "query", hits_of, unreadable={"hits": []})
        return
    hits = searcher.search(query, top_k=top_k, filters=filters)
    if as_json:
        click.echo(json.dumps({"query": query, "hits": [hit.as_dict() for hit in hits]}, indent=2, ensure_ascii=False))
    else:
        _print_hits(query, hits)


def _print_hits(query: str, hits: list[Hit]) -> None:
    if not hits:
        click.echo(f"No entries match {query!r}. Try other words, or drop a filter.")
        return
    for rank, hit in enumerate(hits, start=1):
        found = hit.passage
        click.secho(f"{rank:>2}. {found.title}", bold=True)
        click.echo(f"    {found.entry_id}  [{found.kind}]  › {found.section}  score {hit.score:.4f}")
        passage = " ".join(found.text.split())
        click.echo(textwrap.indent(textwrap.fill(textwrap.shorten(passage, 300, placeholder=" …"), 96), "    "))

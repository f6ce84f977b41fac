"""``khub eval``: score search against labelled questions."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from assistant.evaluate import EvalReport, Scores, evaluate, load_questions
from assistant.search import open_searcher
from khub.errors import EvaluationError
from khub.settings import PROJECT_ROOT
from ui.options import index_dir_option, json_option, settings_from

DEV_QUESTIONS = PROJECT_ROOT.parent / "shared" / "eval" / "dev" / "questions.jsonl"


@click.command("eval")
@click.option("--questions", type=click.Path(dir_okay=False, path_type=Path),
              help=f"Labelled questions (JSON lines). Default: {DEV_QUESTIONS}")
@index_dir_option
@click.option("--show-misses", is_flag=True, help="List questions with no relevant entry in the top 10.")
@json_option
def eval_command(questions: Path | None, index_dir: Path | None, show_misses: bool, as_json: bool) -> None:
    """Score search on labelled questions: Recall@5/10, MRR@10, nDCG@10 (graded).

    Index the archive the labels refer to first, e.g. the bundled corpus plus the public one.

    \b
    Examples:
      khub ingest corpus ../shared/corpus-public/entries.jsonl
      khub eval
      khub eval --questions my-questions.jsonl --json
    """
    path = questions or DEV_QUESTIONS
    if not path.is_file():
        raise EvaluationError(f"no questions file at {path}; pass one with --questions FILE")
    searcher = open_searcher(settings_from(index_dir))
    # 30, not 10: the public-only figures drop the hub's own ids and still need ten results.
    report = evaluate(load_questions(path), lambda q: [hit.entry_id for hit in searcher.search(q, top_k=30)],
                      searcher.index.has_entry)
    if as_json:
        click.echo(json.dumps(asdict(report), indent=2))
        return
    _print_report(report, path, show_misses)


def _print_report(report: EvalReport, path: Path, show_misses: bool) -> None:
    click.echo(f"{path}: {report.overall.questions} answerable questions, {report.unanswerable} unanswerable "
               f"(not scored), {report.mean_ms:.1f} ms per query\n")
    click.echo(f"{'set':<22}{'n':>4}{'R@5':>8}{'R@10':>8}{'MRR@10':>8}{'nDCG@10':>9}")
    rows = [("all labels", report.overall), ("public labels only", report.public_only)]
    rows += [(f"  type: {name}", scores) for name, scores in report.by_type.items()]
    for name, scores in rows:
        click.echo(_row(name, scores))
    if report.missing_ids:
        click.secho(f"\n{len(report.missing_ids)} labelled entries are not in the index (e.g. {report.missing_ids[0]}); "
                    "ingest the archive the labels refer to, e.g.: khub ingest corpus ../shared/corpus-public/entries.jsonl",
                    fg="yellow")
    if show_misses:
        for miss in report.misses:
            click.echo(f"\nmiss {miss['id']}: {miss['query']}\n  want {miss['relevant']}\n  got  {miss['got']}")


def _row(name: str, scores: Scores) -> str:
    return (f"{name:<22}{scores.questions:>4}{scores.recall_at_5:>8.3f}{scores.recall_at_10:>8.3f}"
            f"{scores.mrr_at_10:>8.3f}{scores.ndcg_at_10:>9.3f}")

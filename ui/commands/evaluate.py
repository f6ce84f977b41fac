"""``khub eval``: score search against labelled questions."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from assistant.diagnose import PasteError, open_diagnoser
from assistant.evaluate import (
    DiagnosisReport,
    DiagnosisScores,
    EvalReport,
    Scores,
    evaluate,
    evaluate_diagnosis,
    load_questions,
    load_traces,
)
from assistant.search import open_searcher
from khub.errors import EvaluationError
from khub.settings import PROJECT_ROOT
from ui.options import index_dir_option, json_option, settings_from, store_option

DEV_QUESTIONS = PROJECT_ROOT.parent / "shared" / "eval" / "dev" / "questions.jsonl"
DEV_TRACES = PROJECT_ROOT.parent / "shared" / "eval" / "dev" / "traces.jsonl"


@click.command("eval")
@click.option("--questions", type=click.Path(dir_okay=False, path_type=Path),
              help=f"Labelled questions (JSON lines). Default: {DEV_QUESTIONS}")
@index_dir_option
@store_option
@click.option("--traces", type=click.Path(dir_okay=False, path_type=Path),
              help=f"Score diagnosis instead, on labelled error output (JSON lines). Dev set: {DEV_TRACES}")
@click.option("--show-misses", is_flag=True, help="List the questions or traces that were missed.")
@json_option
def eval_command(questions: Path | None, traces: Path | None, index_dir: Path | None, show_misses: bool,
                 as_json: bool) -> None:
    """Score search on labelled questions (Recall@5/10, MRR@10, nDCG@10, graded), or diagnosis on
    labelled traces (hit@1, hit@3, MRR, and how often it is rightly unsure of errors the archive lacks).

    Index the archive the labels refer to first, e.g. the bundled corpus plus the public one.

    \b
    Examples:
      khub ingest corpus ../shared/corpus-public/entries.jsonl
      khub eval
      khub eval --questions my-questions.jsonl --json
      khub eval --traces ../shared/eval/dev/traces.jsonl --show-misses
    """
    if traces is not None:
        _eval_traces(traces, index_dir, show_misses, as_json)
        return
    path = questions or DEV_QUESTIONS
    if not path.is_file():
        raise EvaluationError(f"no questions file at {path}; pass one with --questions FILE")
    searcher = open_searcher(settings_from(index_dir))
    # 30, not 10: the public-only figures drop the hub's own ids and still need ten results.
    report = evaluate(load_questions(path), lambda q: [hit.passage.entry_id for hit in searcher.search(q, top_k=30)],
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
        click.secho(f"\n{len(report.missing_ids)} labelled entries are not in the index "
                    f"(e.g. {report.missing_ids[0]}); ingest the archive the labels refer to, e.g.: "
                    "khub ingest corpus ../shared/corpus-public/entries.jsonl", fg="yellow")
    if show_misses:
        for miss in report.misses:
            click.echo(f"\nmiss {miss['id']}: {miss['query']}\n  want {miss['relevant']}\n  got  {miss['got']}")


def _row(name: str, scores: Scores) -> str:
    return (f"{name:<22}{scores.questions:>4}{scores.recall_at_5:>8.3f}{scores.recall_at_10:>8.3f}"
            f"{scores.mrr_at_10:>8.3f}{scores.ndcg_at_10:>9.3f}")


def _eval_traces(path: Path, index_dir: Path | None, show_misses: bool, as_json: bool) -> None:
    if not path.is_file():
        raise EvaluationError(f"no traces file at {path}; pass one with --traces FILE")
    diagnoser = open_diagnoser(settings_from(index_dir))

    def diagnose(text: str) -> tuple[list[str], bool]:
        try:
            diagnosis = diagnoser.diagnose(text, top_k=10)
        except PasteError:
            return [], False
        return [hit.entry_id for hit in diagnosis.hits], diagnosis.confident

    report = evaluate_diagnosis(load_traces(path), diagnose)
    if as_json:
        click.echo(json.dumps(asdict(report), indent=2))
        return
    _print_diagnosis_report(report, path, show_misses)


def _print_diagnosis_report(report: DiagnosisReport, path: Path, show_misses: bool) -> None:
    click.echo(f"{path}: {report.overall.traces} traces ({report.overall.in_archive} in the archive), "
               f"{report.mean_ms:.1f} ms per paste\n")
    click.echo(f"{'group':<28}{'n':>4}{'in':>4}{'hit@1':>7}{'hit@3':>7}{'MRR':>7}{'sure':>7}{'unsure-out':>11}")
    rows: list[tuple[str, DiagnosisScores]] = [("all", report.overall), *report.by_group.items()]
    for name, s in rows:
        out = f"{s.unsure_when_not_in_archive:>11.3f}" if s.traces > s.in_archive else f"{'-':>11}"
        inside = (f"{s.hit_at_1:>7.3f}{s.hit_at_3:>7.3f}{s.mrr:>7.3f}{s.confident_when_in_archive:>7.3f}"
                  if s.in_archive else f"{'-':>7}" * 4)
        click.echo(f"{name[:27]:<28}{s.traces:>4}{s.in_archive:>4}{inside}{out}")
    click.echo("\nsure: confident when the archive has the answer; unsure-out: says it has no confident match "
               "when the archive lacks the error")
    if show_misses:
        for miss in report.misses:
            click.echo(f"\nmiss {miss['id']}: want {miss['want'][:3]} got {miss['got']} confident={miss['confident']}")

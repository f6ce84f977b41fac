"""``khub ingest``: read the archive and bring the index up to date."""

from __future__ import annotations

import json
from pathlib import Path

import click
from tqdm import tqdm

from assistant.paths import milestone_cache
from embeddings.pipeline import IngestResult, run_ingest
from ui.options import index_dir_option, json_option, settings_from, store_option


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@index_dir_option
@store_option
@click.option("--rebuild", is_flag=True, help="Build a fresh index instead of updating the live one "
              "(vectors already computed for unchanged text are still reused).")
@click.option("--strict", is_flag=True, help="Stop at the first bad entry instead of skipping it.")
@click.option("--watch", is_flag=True, help="Then keep watching PATHS and apply each addition, edit and deletion "
              "within seconds (a bad file is reported and skipped; Ctrl-C stops).")
@click.option("--ray", "ray", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
              help="Embed on Ray Data, the same vectors on more cores: alone, a Ray started on "
              "this machine; with ADDRESS (host:6379), a running cluster (put PATHS before it). Needs: "
              "pip install -e '.[scale]' (env KHUB_RAY).")
@json_option
def ingest_command(paths: tuple[Path, ...], index_dir: Path | None, rebuild: bool, strict: bool, watch: bool,
                   ray: str | None, as_json: bool) -> None:
    """Index Markdown folders, JSONL and CSV exports (default: the bundled corpus/).

    The index then holds exactly the entries read: new and edited entries are embedded, removed
    ones dropped, unchanged ones reused without encoding. A new index is built beside the live
    one and swapped in at the end, so an interrupted ingest leaves the previous index serving.

    \b
    Examples:
      khub ingest
      khub ingest corpus ../shared/corpus-public/entries.jsonl
      khub ingest my-notes/ --strict --json
      khub ingest --watch
      khub ingest --ray                 # embed on a Ray started here
      khub ingest --ray head-node:6379  # or on a Ray cluster
      khub ingest --store index/khub.db # into Milvus (milvus-lite, embedded; or --store http://host:19530)
    """
    settings = settings_from(index_dir)
    if ray and ray != "local" and Path(ray).exists():  # `--ray corpus`: click took the path for the address
        raise click.UsageError(f"--ray {ray}: {ray!r} is a file or folder, not a Ray address; put the paths "
                               f"first (khub ingest {ray} --ray), or give the address (--ray host:6379)")
    if ray:  # else KHUB_RAY, as the settings read it
        settings = settings.model_copy(update={"ray": ray})
    with ProgressBar(disable=None) as bar:
        result = run_ingest(paths, settings, strict=strict, rebuild=rebuild, progress=bar.update_to,
                            derive=milestone_cache(settings))  # the paths' teaching entries, in the snapshot
    if as_json:
        click.echo(json.dumps(_summary(result, settings.index_dir), indent=2))
    else:
        _print_summary(result, settings.index_location)
    if watch:
        from ui.commands.watch import watch_archive

        def report(update: IngestResult) -> None:  # one JSON line per update with --json
            if as_json:
                click.echo(json.dumps(_summary(update, settings.index_dir)))
            else:
                _print_summary(update, settings.index_location)

        watch_archive(paths, settings, strict=strict, report=report)


class ProgressBar:
    """A tqdm bar that appears only once there is something to encode."""

    def __init__(self, disable: bool | None):
        self.disable = disable
        self.bar: tqdm | None = None

    def update_to(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = tqdm(total=total, desc="Encoding chunks", unit="chunk", disable=self.disable, dynamic_ncols=True)
        self.bar.update(done - self.bar.n)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.close()


def _summary(result: IngestResult, index_dir: Path) -> dict:
    report = result.report
    return {
        "added": len(report.added), "changed": len(report.changed), "removed": len(report.removed),
        "unchanged": report.unchanged, "skipped": len(result.corpus.problems),
        "entries": report.entries, "chunks": report.chunks, "chunks_encoded": report.chunks_encoded,
        "leads_encoded": report.leads_encoded,
        "seconds": round(report.seconds, 3), "up_to_date": report.up_to_date,
        "index_dir": str(index_dir), "snapshot": report.snapshot, "files": len(result.corpus.files),
        "added_ids": report.added, "changed_ids": report.changed, "removed_ids": report.removed,
        "problems": [problem.as_dict() for problem in result.corpus.problems],
    }


def _print_summary(result: IngestResult, index_dir: Path | str) -> None:
    report, corpus = result.report, result.corpus
    for problem in corpus.problems:
        click.secho(f"skipped {problem}", fg="yellow", err=True)
    if report.up_to_date:
        click.echo(f"Index is up to date: {report.entries:,} entries, {report.chunks:,} chunks, nothing to encode "
                   f"({report.seconds:.1f} s).")
    else:
        click.echo(
            f"Indexed {report.entries:,} entries from {len(corpus.files):,} file(s) in {report.seconds:.1f} s: "
            f"{len(report.added):,} added, {len(report.changed):,} changed, {len(report.removed):,} removed, "
            f"{report.unchanged:,} unchanged, {len(corpus.problems):,} skipped; "
            f"{report.chunks:,} chunks; encoded {report.chunks_encoded:,} new chunks and "
            f"{report.leads_encoded:,} entry leads."
        )
    click.echo(f"Index: {index_dir}  (try: khub search \"your question\")")

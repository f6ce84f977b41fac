"""``khub serve``: the web app; builds the index from corpus/ first if there is none."""

from __future__ import annotations

from pathlib import Path

import click

from embeddings.snapshots import store_for
from khub.errors import ConfigError
from khub.settings import Settings
from ui.commands.ingest import ProgressBar
from ui.options import index_dir_option, settings_from, store_option


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, envvar="KHUB_HOST",
              help="Interface to listen on (0.0.0.0 for every one; env KHUB_HOST).")
@click.option("--port", default=7860, show_default=True, type=click.IntRange(0, 65535), envvar="KHUB_PORT",
              help="Port to listen on (env KHUB_PORT).")
@index_dir_option
@store_option
def serve_command(host: str, port: int, index_dir: Path | None) -> None:
    """Serve the web app: chat with cited sources, paste-an-error, instant search, mentor review.

    If the index does not exist yet it is built from the bundled corpus/ first. Mentor review
    needs a mentor account (khub mentor add NAME; KHUB_REVIEW_USER and KHUB_REVIEW_PASSWORD create
    the first one); without one the rest of the app still works. Behind a proxy, see the README's
    "Deploying on the internet" (KHUB_TRUSTED_PROXIES, the per-client limits).
    The API (/ask, /diagnose, /search) is documented at http://HOST:PORT/?view=api.

    \b
    Examples:
      khub serve
      khub serve --port 8080
      khub mentor add ana && khub serve
      KHUB_TRUSTED_PROXIES=10.0.0.5 khub serve --host 0.0.0.0
      khub serve --store http://milvus:19530   # one replica of several (docs/scale.md)
    """
    settings = settings_from(index_dir)
    if not store_for(settings).exists():
        _build_first_index(settings)
    from ui.server import open_services, serve

    services = open_services(settings, review_login=_review_login(settings))
    click.echo(f"khub serves {settings.index_location} at http://{host}:{port}  (Ctrl-C stops it)")
    serve(services, host, port)


def _build_first_index(settings: Settings) -> None:
    from assistant.paths import milestone_cache
    from embeddings.pipeline import run_ingest

    click.echo(f"No index at {settings.index_dir} yet: building it from {settings.corpus_dir} ...")
    with ProgressBar(disable=None) as bar:
        result = run_ingest([], settings, progress=bar.update_to, derive=milestone_cache(settings))
    click.echo(f"Indexed {result.report.entries:,} entries ({result.report.chunks:,} chunks) in "
               f"{result.report.seconds:.1f} s.")


def _review_login(settings: Settings) -> tuple[str, str] | None:
    try:
        return settings.review_login()
    except ConfigError as exc:  # a usage mistake (exit status 2), as an option given wrong would be
        raise click.UsageError(str(exc)) from exc

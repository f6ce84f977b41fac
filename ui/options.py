"""Options shared by several commands; each mirrors a setting and its KHUB_* variable."""

from __future__ import annotations

from pathlib import Path

import click

from ingest.entry import KINDS, LEVELS
from khub.settings import DatabaseUrl, Settings

index_dir_option = click.option(
    "--index-dir", type=click.Path(file_okay=False, path_type=Path), envvar="KHUB_INDEX_DIR",
    help="Index folder (default: index/ in the project; env KHUB_INDEX_DIR).",
)


def _remember_store(context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    if value:
        context.meta["khub.store"] = value
    return value


store_option = click.option(
    "--store", metavar="URI", expose_value=False, callback=_remember_store,
    help="Where the index lives: local (default: snapshots in the index folder), a milvus-lite file "
         "PATH.db, or a Milvus server http(s)://host:port (token in KHUB_MILVUS_TOKEN); env KHUB_STORE.",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of text.")
kind_option = click.option("--kind", type=click.Choice(KINDS), help="Only entries of this kind.")
language_option = click.option("--language", help="Only entries in this language (e.g. python, php, rust).")
level_option = click.option("--level", type=click.Choice(LEVELS), help="Only entries of this level.")
top_k_option = click.option("--top-k", "-k", type=click.IntRange(1, 1000), default=10, show_default=True,
                            help="How many entries to return.")


def settings_from(index_dir: Path | None) -> Settings:
    """Settings from the environment, with the command line's --index-dir and --store on top."""
    context = click.get_current_context(silent=True)
    store = context.find_root().meta.get("khub.store") if context else None
    return Settings.from_env(index_dir=index_dir, store=store)


def review_db(settings: Settings) -> Path | DatabaseUrl:
    """The mentors' review database: answers, reviews, accounts (KHUB_REVIEW_DB, a SQLite file or a PostgreSQL
    URL; by default a SQLite file beside the index)."""
    return settings.review_db or settings.index_dir / "reviews.sqlite"

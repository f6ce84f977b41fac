"""A real PostgreSQL for the tests that need one: its URL from KHUB_TEST_POSTGRES_URL, a fresh database per test.

Without the variable, or when its server does not answer, those tests skip and say why: the default suite
needs no server. .ci/run starts one from Debian's packages and sets the variable, e.g.
``KHUB_TEST_POSTGRES_URL=postgresql://khub:khub@127.0.0.1:5432/khub`` (the user may create databases).
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

URL_VARIABLE = "KHUB_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


@functools.lru_cache(maxsize=1)
def _unusable(url: str) -> str | None:
    """Why the server at ``url`` cannot be used (None: it can), asked once per run."""
    import psycopg

    try:
        with psycopg.connect(_libpq(url), connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        return " ".join(str(error).split())
    return None


def server_url() -> str:
    """The test server's URL, or a skip saying how to get one."""
    url = os.environ.get(URL_VARIABLE, "")
    if not url:
        pytest.skip(f"no PostgreSQL for this test: set {URL_VARIABLE}=postgresql://USER:PASSWORD@HOST:5432/DB "
                    "(a user that may create databases); .ci/run starts one")
    problem = _unusable(url)
    if problem:
        pytest.skip(f"the PostgreSQL in {URL_VARIABLE} does not answer ({problem}); start it (see .ci/run)")
    return url


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new, empty database on the test server for one test, dropped afterwards; yields its URL."""
    import psycopg

    url, name = server_url(), f"khub_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(url), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        base, question_mark, options = url.partition("?")
        yield f"{base.rsplit('/', 1)[0]}/{name}{question_mark}{options}"
    finally:
        with psycopg.connect(_libpq(url), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # a replica may still hold connections


def review_database(request, tmp_path) -> Iterator[str]:
    """Fixture body (parametrized over BACKENDS by each test module): the review database a store opens, as
    ``KHUB_REVIEW_DB`` would give it: a SQLite file in tmp_path, or the URL of a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "reviews.sqlite")
        return
    with fresh_database() as url:
        yield url


def _libpq(url: str) -> str:
    """The URL as libpq reads it (without SQLAlchemy's +psycopg)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)

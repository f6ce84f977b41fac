"""The bundled corpus/ ingests cleanly and answers in-domain questions with the hub's own entries."""

import pytest

from assistant.search import open_searcher


@pytest.fixture(scope="module")
def searcher(bundled_settings):
    searcher = open_searcher(bundled_settings)
    assert len(searcher.index.entry_ids) >= 24
    yield searcher
    searcher.index.close()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Call to a member function prepare() on null inside my PHP function", "error/pdo-conn-scope"),
        ("child row insert rejected because the parent order does not exist yet", "error/fk-insert-order"),
        ("pip installed the package but python still says no module named", "error/venv-module-not-found"),
        ("my component crashes with cannot read properties of undefined reading map before the fetch returns",
         "error/react-undefined-state"),
        ("WordPress white screen after activating a plugin, allowed memory size exhausted",
         "error/wp-memory-exhausted"),
        ("walk a category tree of unknown depth with SQL", "snippet/recursive-cte-hierarchy"),
        ("wait until the user stops typing before calling the API in a React hook", "snippet/use-debounce-hook"),
        ("retry with exponential backoff when the API answers 429", "snippet/rate-limited-api-client"),
        ("role based permission checks with OAuth2 password flow in FastAPI", "qa/fastapi-authn-authz"),
        ("N+1 queries in GraphQL resolvers and DataLoader batching", "qa/graphql-complex-queries"),
        ("roadmap for a complete beginner to learn PHP and build REST APIs", "path/php-zero-to-production"),
    ],
)
def test_hub_questions_find_the_hub_entry_first(searcher, query, expected):
    assert searcher.search(query, top_k=3)[0].passage.entry_id == expected


def test_every_hub_entry_can_be_shown_whole(searcher):
    for entry_id in searcher.index.entry_ids:
        entry = searcher.index.entry(entry_id)
        assert entry is not None and entry.body and entry.title

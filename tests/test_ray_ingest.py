"""The embedding stage on Ray Data (`khub ingest --ray`): the local path's vectors, cache and search results.

The Ray tests start a real local Ray (two CPUs) once for the module: they need the `scale` extra
(`pip install -e '.[scale]'`) and skip without it; `.ci/run` installs it before the slow tests.
"""

from __future__ import annotations

import json
import socket
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from khub_cli import khub_cli

from assistant.evaluate import load_questions
from assistant.search import open_searcher
from embeddings.build import plan_for, update_index
from embeddings.index import open_index
from embeddings.pipeline import run_ingest
from ingest.load import load_corpus
from khub.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev" / "questions.jsonl"
QUERIES = ["undo the last git commit but keep the changes", "Cannot add or update a child row: a foreign key "
           "constraint fails", "where should a single page app keep its access token", "debounce a function",
           "php singleton database connection", "TypeError: Cannot read properties of undefined (reading 'map')"]
# Ray Data sets its own deprecated options when it copies its context: nothing khub can act on.
pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def local_ray():
    """A Ray started in this process for the module's tests, shut down after them."""
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[scale]'")
    from embeddings.ray_encode import LOCAL, connect

    connect(LOCAL, threads=2)
    yield LOCAL
    ray.shutdown()


@pytest.fixture(scope="module")
def ray_settings(tmp_path_factory, models_dir, encoder, local_ray) -> Settings:
    """An index of the bundled corpus/ built through Ray."""
    settings = Settings(index_dir=tmp_path_factory.mktemp("ray") / "index", corpus_dir=ROOT / "corpus",
                        models_dir=models_dir, ray=local_ray)
    seen: list[tuple[int, int]] = []
    result = run_ingest([], settings, strict=True, progress=lambda done, total: seen.append((done, total)))
    report = result.report
    assert report.chunks_encoded == report.chunks > 0 and report.leads_encoded > 0
    texts = report.chunks_encoded + report.leads_encoded
    assert seen[0] == (0, texts) and seen[-1] == (texts, texts) and len(seen) > 2  # reported batch by batch
    return settings


def vectors(index_dir: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    index = open_index(index_dir)
    try:
        chunks = index.chunk_vectors(range(index.manifest.chunks))
        return index.entry_ids, chunks, index.lead_vectors(list(range(len(index.entry_ids))))
    finally:
        index.close()


@pytest.mark.slow
def test_ray_makes_the_local_paths_chunk_and_lead_vectors(ray_settings, bundled_settings):
    ray_ids, ray_chunks, ray_leads = vectors(ray_settings.index_dir)
    local_ids, local_chunks, local_leads = vectors(bundled_settings.index_dir)
    assert ray_ids == local_ids
    assert ray_chunks.shape == local_chunks.shape and ray_leads.shape == local_leads.shape
    np.testing.assert_allclose(ray_chunks, local_chunks, rtol=0, atol=1e-6)
    np.testing.assert_allclose(ray_leads, local_leads, rtol=0, atol=1e-6)


@pytest.mark.slow
def test_ray_index_gives_the_local_indexs_search_results(ray_settings, bundled_settings):
    ray_search, local_search = khub_cli(ray_settings), khub_cli(bundled_settings)
    for query in QUERIES:
        ray_run, local_run = ray_search("search", query, "--json"), local_search("search", query, "--json")
        assert ray_run.exit_code == local_run.exit_code == 0, ray_run.output + local_run.output
        assert json.loads(ray_run.output)["hits"] == json.loads(local_run.output)["hits"], query
    if DEV_QUESTIONS.is_file():  # the dev questions too (their answers are in the public corpus, not here)
        ray_searcher, local_searcher = open_searcher(ray_settings), open_searcher(bundled_settings)
        for question in load_questions(DEV_QUESTIONS):
            found = [hit.as_dict() for hit in ray_searcher.search(question.query)]
            assert found == [hit.as_dict() for hit in local_searcher.search(question.query)], question.id


@pytest.mark.slow
def test_only_text_missing_from_the_vector_cache_goes_to_ray(archive, settings, local_ray):
    run_ingest([archive], settings)  # the local path fills the vector cache
    path = archive / "qa" / "jwt-storage.md"  # two chunks, the first short: its lead is a text of its own
    path.write_text(path.read_text().replace("not in localStorage", "never in localStorage"))
    plan = plan_for(settings.model_copy(update={"ray": local_ray}))
    sent: list[str] = []

    def recording(texts, progress):  # the real Ray strategy, watched at the seam
        sent.extend(texts)
        assert plan.encode is not None
        yield from plan.encode(texts, progress)

    entries = load_corpus([archive]).entries
    report = update_index(settings.index_dir, entries, replace(plan, encode=recording))
    assert report.changed == ["qa/jwt-storage"] and report.chunks_encoded == 1 and report.leads_encoded == 1
    assert len(sent) == 2 and all("never in localStorage" in text for text in sent)
    sent.clear()
    rebuilt = update_index(settings.index_dir, entries, replace(plan, encode=recording), rebuild=True)
    assert not rebuilt.up_to_date and sent == []  # every vector from the cache Ray filled


def test_ray_without_the_extra_says_how_to_install_it(archive, settings, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as on a fresh clone, without the `scale` extra
    run = khub_cli(settings)("ingest", archive, "--ray")
    assert run.exit_code == 1
    assert "needs Ray, which is not installed" in run.output and "pip install -e '.[scale]'" in run.output
    assert not (settings.index_dir / "CURRENT").exists()  # nothing was built


def test_a_ray_address_where_no_cluster_answers_fails_at_once_and_says_what_to_do(archive, settings):
    pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[scale]'")
    with socket.socket() as listener:  # a port that was free a moment ago: nothing answers there now
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
    run = khub_cli(settings)("ingest", archive, "--ray", f"127.0.0.1:{port}")
    assert run.exit_code == 1
    assert f"no Ray cluster answers at '127.0.0.1:{port}'" in run.output and "ray start --head" in run.output
    assert not (settings.index_dir / "CURRENT").exists()


def test_a_path_after_ray_is_not_taken_for_its_address(archive, settings):
    result = khub_cli(settings)("ingest", "--ray", archive)
    assert result.exit_code == 2 and "is a file or folder, not a Ray address" in result.output
    assert f"khub ingest {archive} --ray" in result.output

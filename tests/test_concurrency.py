"""20 concurrent API clients against a real `khub serve` (bench/load.py, shortened): no call fails,
and searches do not wait behind answers, which have their own queue. Latency figures come from
running bench/load.py itself (2 minutes); this test checks behaviour, not speed."""

import pytest

from embeddings.pipeline import run_ingest
from khub.settings import Settings


@pytest.mark.slow
def test_twenty_clients_searching_diagnosing_and_asking_get_no_errors(tmp_path, models_dir, encoder, monkeypatch):
    from bench import load

    monkeypatch.setenv("KHUB_MODELS_DIR", str(models_dir))
    settings = Settings(index_dir=tmp_path / "index", corpus_dir=load.ROOT / "corpus", models_dir=models_dir)
    run_ingest([], settings)
    report = load.run(clients=20, seconds=30, index_dir=settings.index_dir, model="fake", words_per_second=20)
    assert report["errors"] == 0, report["error_samples"]
    operations = report["operations"]
    assert all(operations[op]["calls"] >= 10 for op in ("search", "diagnose", "ask")), operations
    # answers stream for about a second and queue two at a time; searches must not queue behind them
    assert operations["search"]["p50_ms"] < operations["ask"]["p50_ms"] / 2, operations

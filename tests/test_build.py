"""Incremental, atomic index builds on the real model, FAISS and SQLite."""

import json
from pathlib import Path

import pytest

from assistant.search import open_searcher
from embeddings.build import BuildPlan, update_index
from embeddings.encoder import DEFAULT_BACKEND, model_id_for
from embeddings.index import open_index
from embeddings.manifest import FILE_NAME as MANIFEST
from embeddings.pipeline import run_ingest
from embeddings.store import IndexStore
from ingest.load import load_corpus
from khub.errors import ConfigError, CorpusError, IndexMismatchError, IndexUnavailableError


class CountingEncoder:
    """The real encoder, counting every text it is asked to encode."""

    def __init__(self, encoder):
        self.encoder, self.texts = encoder, []
        self.model_id, self.dim = encoder.model_id, encoder.dim

    def encode(self, texts, **kwargs):
        self.texts.extend(texts)
        return self.encoder.encode(texts, **kwargs)


@pytest.fixture
def counting(encoder):
    return CountingEncoder(encoder)


def ingest(archive: Path, index_dir: Path, counting: CountingEncoder, **kwargs):
    counting.texts.clear()
    plan = BuildPlan(model_id=model_id_for(DEFAULT_BACKEND), backend=DEFAULT_BACKEND, load=lambda: counting)
    return update_index(index_dir, load_corpus([archive]).entries, plan, **kwargs)


def test_first_ingest_encodes_every_chunk_and_lead_once(archive, tmp_path, counting):
    import numpy as np

    report = ingest(archive, tmp_path / "index", counting)
    index = open_index(tmp_path / "index")
    assert sorted(report.added) == sorted(index.entry_ids) and len(report.added) == 6
    assert report.chunks == index.manifest.chunks > 6
    # An entry of one chunk has that chunk's vector as its lead; every other entry's lead is encoded.
    read_by_chunk = [entry_id for entry_id, chunks in index.chunks_of(set(index.entry_ids)).items() if len(chunks) == 1]
    assert 0 < len(read_by_chunk) < 6
    assert report.chunks_encoded == report.chunks and report.leads_encoded == 6 - len(read_by_chunk)
    assert len(counting.texts) == len(set(counting.texts)) == report.chunks + report.leads_encoded
    for pos, entry_id in enumerate(index.entry_ids):
        lead, first_chunk = index.lead_vectors([pos])[0], index.chunk_vectors([index.chunk_vids(pos)[0]])[0]
        assert np.array_equal(lead, first_chunk) == (entry_id in read_by_chunk), entry_id


def test_unchanged_archive_encodes_nothing_and_keeps_the_snapshot(archive, tmp_path, counting):
    first = ingest(archive, tmp_path / "index", counting)
    second = ingest(archive, tmp_path / "index", counting)
    assert second.up_to_date and counting.texts == []
    assert second.snapshot == first.snapshot and second.unchanged == 6


def test_editing_one_entry_reencodes_only_its_new_text(archive, tmp_path, counting):
    ingest(archive, tmp_path / "index", counting)
    path = archive / "qa" / "python-gil.md"
    path.write_text(path.read_text().replace("use processes", "use multiprocessing or a process pool"))
    report = ingest(archive, tmp_path / "index", counting)
    assert report.changed == ["qa/python-gil"] and report.added == report.removed == []
    assert report.unchanged == 5
    assert report.chunks_encoded == 1 and report.leads_encoded == 0  # one chunk: its lead is that chunk
    assert all("python" in text.lower() or "gil" in text.lower() for text in counting.texts)


def test_editing_the_opening_of_a_long_entry_reencodes_its_chunk_and_its_lead(archive, tmp_path, counting):
    ingest(archive, tmp_path / "index", counting)
    path = archive / "qa" / "jwt-storage.md"  # two chunks, the first short: its lead is a text of its own
    path.write_text(path.read_text().replace("not in localStorage", "never in localStorage"))
    report = ingest(archive, tmp_path / "index", counting)
    assert report.changed == ["qa/jwt-storage"] and report.chunks_encoded == 1 and report.leads_encoded == 1
    assert len(counting.texts) == 2 and all("never in localStorage" in text for text in counting.texts)


def test_unchanged_text_keeps_its_exact_vectors_read_back_from_the_live_snapshot(archive, tmp_path, counting):
    import numpy as np

    ingest(archive, tmp_path / "index", counting)
    before = open_index(tmp_path / "index")
    old = {chunk.chunk_id: before.chunk_vectors([vid])[0]
           for vid, chunk in enumerate(c for entry_id in before.entry_ids
                                       for c in before.chunks_of({entry_id})[entry_id])}
    old_leads = {entry_id: before.lead_vectors([before.position(entry_id)])[0] for entry_id in before.entry_ids}
    before.close()
    (tmp_path / "index" / "vector-cache.sqlite").unlink()  # so every kept vector must come from the snapshot
    path = archive / "qa" / "python-gil.md"
    path.write_text(path.read_text().replace("use processes", "use multiprocessing or a process pool"))
    report = ingest(archive, tmp_path / "index", counting)
    assert report.chunks_encoded == 1 and report.leads_encoded == 0  # one chunk: its lead is that chunk
    after = open_index(tmp_path / "index")
    for vid, chunk in enumerate(c for entry_id in after.entry_ids for c in after.chunks_of({entry_id})[entry_id]):
        if chunk.entry_id != "qa/python-gil":
            assert np.array_equal(after.chunk_vectors([vid])[0], old[chunk.chunk_id]), chunk.chunk_id
    for entry_id in after.entry_ids:
        if entry_id != "qa/python-gil":
            assert np.array_equal(after.lead_vectors([after.position(entry_id)])[0], old_leads[entry_id]), entry_id
    after.close()


def test_deleted_entries_are_dropped_without_encoding(archive, tmp_path, counting, settings):
    ingest(archive, tmp_path / "index", counting)
    (archive / "article" / "cap-theorem.md").unlink()
    report = ingest(archive, tmp_path / "index", counting)
    assert report.removed == ["article/cap-theorem"] and counting.texts == []
    assert not open_index(tmp_path / "index").has_entry("article/cap-theorem")


def test_text_seen_before_is_never_encoded_again(archive, tmp_path, counting):
    ingest(archive, tmp_path / "index", counting)
    removed = archive / "snippet" / "debounce.md"
    saved = removed.read_text()
    removed.unlink()
    ingest(archive, tmp_path / "index", counting)
    removed.write_text(saved)
    report = ingest(archive, tmp_path / "index", counting)  # back again: its vectors come from the cache
    assert report.added == ["snippet/debounce"] and counting.texts == []
    rebuilt = ingest(archive, tmp_path / "index", counting, rebuild=True)
    assert not rebuilt.up_to_date and counting.texts == []


def test_old_snapshots_are_pruned_to_the_live_one_and_its_predecessor(archive, tmp_path, counting):
    for n in range(4):
        (archive / "qa" / "python-gil.md").write_text(
            (archive / "qa" / "python-gil.md").read_text() + f"\nEdit {n}.\n")
        ingest(archive, tmp_path / "index", counting)
    snapshots = [p for p in (tmp_path / "index" / "snapshots").iterdir() if not p.name.startswith(".")]
    assert len(snapshots) == 2
    assert IndexStore(tmp_path / "index").current() in snapshots


def test_a_second_ingest_on_the_same_index_is_refused(archive, tmp_path, counting):
    with IndexStore(tmp_path / "index").writing():
        with pytest.raises(ConfigError, match="another khub ingest is writing"):
            ingest(archive, tmp_path / "index", counting)


def test_leftover_builds_from_a_crash_are_cleared(archive, tmp_path, counting):
    ingest(archive, tmp_path / "index", counting)
    leftover = IndexStore(tmp_path / "index").new_build()
    (leftover / "khub.sqlite").write_bytes(b"half a file")
    ingest(archive, tmp_path / "index", counting, rebuild=True)
    assert not leftover.exists()


def test_an_empty_archive_leaves_the_index_as_it_was(archive, tmp_path, settings):
    run_ingest([archive], settings)
    before = IndexStore(settings.index_dir).current()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CorpusError, match="no valid entries .* the index was left as it was"):
        run_ingest([empty], settings)
    assert IndexStore(settings.index_dir).current() == before


def test_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(IndexUnavailableError, match="no index at .*khub ingest"):
        open_index(tmp_path / "nothing")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"format_version": 99}, "format version 99, this khub reads version 3"),
        ({"model_id": "all-MiniLM-L6-v2:000000000000:onnx-int8:r1"}, "was built with all-MiniLM-L6-v2:000000000000"),
    ],
)
def test_manifest_mismatch_teaches_the_rebuild(archive, settings, change, message):
    run_ingest([archive], settings)
    manifest = IndexStore(settings.index_dir).current() / MANIFEST
    manifest.write_text(json.dumps(json.loads(manifest.read_text()) | change))
    with pytest.raises(IndexMismatchError, match=message) as caught:
        open_searcher(settings)
    assert "khub ingest --rebuild" in str(caught.value)


def test_a_damaged_vector_file_is_reported_not_crashed_on(archive, settings):
    run_ingest([archive], settings)
    (IndexStore(settings.index_dir).current() / "leads.faiss").write_bytes(b"not faiss")
    with pytest.raises(IndexUnavailableError, match="leads.faiss cannot be read .* khub ingest --rebuild"):
        open_index(settings.index_dir)


@pytest.mark.parametrize("damage", [b"not a zip", b""])
def test_a_damaged_term_matrix_is_reported_not_crashed_on(archive, settings, damage):
    run_ingest([archive], settings)
    (IndexStore(settings.index_dir).current() / "bm25.npz").write_bytes(damage)
    with pytest.raises(IndexUnavailableError, match="bm25.npz cannot be read .* khub ingest --rebuild"):
        open_index(settings.index_dir)


def test_switching_encoder_reencodes_into_the_new_space_but_reports_no_entry_change(archive, tmp_path, counting):
    ingest(archive, tmp_path / "index", counting)
    other = BuildPlan(model_id="another-space", backend=DEFAULT_BACKEND, load=lambda: counting)
    counting.texts.clear()
    report = update_index(tmp_path / "index", load_corpus([archive]).entries, other)
    assert not report.up_to_date and report.unchanged == 6 and report.added == []
    assert report.chunks_encoded == report.chunks and report.leads_encoded == 4  # 2 leads are their one chunk
    assert open_index(tmp_path / "index").manifest.model_id == "another-space"

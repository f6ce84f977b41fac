"""embeddings: encode chunks and keep the index: vectors beside a full-text index (the second stage).

    storage.py     the seam: Store (write a snapshot, open the live one) and IndexReader (what
                   search and diagnosis read); Passage, BuildPlan, BuildReport
    snapshots.py   LocalStore, the default store (open_store): FAISS + SQLite snapshots in one folder
    pipeline.py    run_ingest: read the archive (ingest/) and update the store
    history.py     the ingest history (history.sqlite beside the index): what each live ingest changed
    build.py       diff against the live snapshot, encode only new text, publish atomically
    index.py       a snapshot opened for reading (the local IndexReader)
    vectors.py     FAISS indexes, searched by inner product
    database.py    SQLite: entries, chunks, FTS5 BM25, error-message keys
    store.py       snapshot folders and the atomic swap
    manifest.py    what a snapshot was built with, checked on open
    cache.py       the vector cache: every text encoded once per model
    query.py       a query's meaningful words and its filters (Filters)
    model.py       where the packaged weights live and what identifies their vectors
    encoder.py     load_encoder: the backends (backends.py), ONNX files built once (onnx_build.py)

Above this package, code sees only storage.py, snapshots.py, pipeline.py, history.py, query.py and encoder.py
(tests/test_architecture.py checks it).
"""

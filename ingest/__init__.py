"""ingest: read the archive, validate it, and chunk it section by section (the first stage).

    entry.py           the archive's unit of knowledge (Entry) and the vocabulary of its fields
    readers/           one reader per format: Markdown with YAML front matter, JSON Lines, CSV
    validate.py        a raw record into an Entry, or a Problem naming the file, line, field and fix
    problems.py        Problem: one bad file or entry, located precisely and paired with its fix
    load.py            load_corpus: find the files, read, validate, keep what is good
    chunk.py           section-aware chunks that fit the model's window, and each entry's lead text
    error_messages.py  how error messages are keyed for matching: templates, codes, ecosystems

It imports only khub/ (settings, errors); the index is built by embeddings/ from what it returns.
"""

-- The review database as khub first versioned it: answers with users' thumbs and mentors' verdicts
-- (ui/reviews.py), readers' suggestions (ui/suggestions.py), mentor accounts (ui/accounts.py) and
-- learners' milestones (ui/progress_store.py). IF NOT EXISTS: a file made before versions were kept
-- already holds some of these tables, with their rows.
-- A statement ends with a semicolon at the end of its line (ui/migrations/__init__.py splits them there).

CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    session TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    query TEXT NOT NULL,
    answer TEXT NOT NULL,
    mode TEXT NOT NULL,
    refused INTEGER NOT NULL,
    faithfulness REAL NOT NULL,
    citations TEXT NOT NULL,
    sentences TEXT NOT NULL,
    client TEXT NOT NULL DEFAULT ''  -- the asker's address, for the per-client daily cap (ui/web_limits.py)
);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    answer_id INTEGER NOT NULL REFERENCES answers(id),
    created_at TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY,
    answer_id INTEGER NOT NULL REFERENCES answers(id),
    created_at TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'incorrect', 'needs_fix')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS feedback_by_answer ON feedback(answer_id);
CREATE INDEX IF NOT EXISTS reviews_by_answer ON reviews(answer_id);
CREATE INDEX IF NOT EXISTS answers_by_client ON answers(client, created_at);

CREATE TABLE IF NOT EXISTS suggestions (
    id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL,
    title TEXT,
    reason TEXT NOT NULL DEFAULT '',
    base_title TEXT NOT NULL DEFAULT '',
    base_body TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    decided_by TEXT,
    decided_at TEXT,
    note TEXT NOT NULL DEFAULT '',
    file_written TEXT,
    previous_text TEXT,
    error TEXT
);
CREATE INDEX IF NOT EXISTS suggestions_by_status ON suggestions(status, id);

CREATE TABLE IF NOT EXISTS mentors (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    removed_at TEXT
);

CREATE TABLE IF NOT EXISTS learn_progress (
    account TEXT NOT NULL,
    path_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (account, path_id, n)
);

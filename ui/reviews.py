"""The review store: every answer given, users' thumbs, and mentors' verdicts, in one SQLite file.

It lives beside the index (``<index dir>/reviews.sqlite``, or KHUB_REVIEW_DB) but outside its
snapshots, so rebuilding the index keeps it. Every write is its own short transaction on its own
connection, in WAL mode with a busy time-out, so several sessions writing at once lose no rows.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from assistant.answer import Answer
from khub.errors import KhubError
from ui.exports import write_csv
from ui.sqlite_store import SQLiteStore

FILE_NAME = "reviews.sqlite"
VERDICTS = ("correct", "incorrect", "needs_fix")
WARNING_VERDICTS = ("incorrect", "needs_fix")  # shown to the next person who asks the same question
PUNCTUATION = re.compile(r"[^\w\s]")
# The latest answer's verdict, per answer; the queue's filters are added after WHERE.
EXPORT_COLUMNS = ("id", "created_at", "question", "answer", "mode", "refused", "faithfulness", "cited_entries",
                  "thumbs_up", "thumbs_down", "verdict", "reviewer", "review_note")
QUEUE = """
    SELECT a.id, a.created_at, a.question, a.mode, a.refused, a.faithfulness,
           (SELECT COUNT(*) FROM feedback f WHERE f.answer_id = a.id AND f.helpful = 1) AS thumbs_up,
           (SELECT COUNT(*) FROM feedback f WHERE f.answer_id = a.id AND f.helpful = 0) AS thumbs_down,
           r.verdict, r.reviewer
    FROM answers a LEFT JOIN (
        SELECT answer_id, verdict, reviewer FROM reviews WHERE id IN (SELECT MAX(id) FROM reviews GROUP BY answer_id)
    ) r ON r.answer_id = a.id
    WHERE {conditions}
    ORDER BY a.id DESC LIMIT ?"""
SCHEMA = """
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
"""


class ReviewError(KhubError):
    """A review action that cannot be done (an unknown answer, an unknown verdict)."""


class ReviewStore(SQLiteStore):
    """Answers, feedback and reviews in one SQLite file; safe to use from many threads and processes."""

    SCHEMA = SCHEMA

    def _migrate(self, connection: sqlite3.Connection) -> None:
        _add_client_column(connection)


    def _write(self, sql: str, parameters: tuple) -> int:
        with closing(self._connect()) as connection:
            connection.execute("BEGIN IMMEDIATE")
            cursor = connection.execute(sql, parameters)
            connection.execute("COMMIT")
            assert cursor.lastrowid is not None  # set by each INSERT written here
            return cursor.lastrowid

    def record_answer(self, answer: Answer, session: str = "", client: str = "") -> int:
        """Store an answer with its citations and per-sentence support, and the asking client's address;
        return its id."""
        citations = [citation.as_dict() for citation in answer.citations]
        sentences = [{"text": s.text, "cites": list(s.cites), "supported": s.supported} for s in answer.sentences]
        return self._write(
            "INSERT INTO answers (created_at, session, question, query, answer, mode, refused, faithfulness, "
            "citations, sentences, client) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (_now(), session, answer.question, answer.query, answer.text, answer.mode, int(answer.refused),
             answer.faithfulness, json.dumps(citations, ensure_ascii=False), json.dumps(sentences, ensure_ascii=False),
             client),
        )

    def answers_today(self, client: str) -> int:
        """How many of ``client``'s answers were stored today (UTC): what the per-client daily cap counts."""
        midnight = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0).isoformat(timespec="seconds")
        with closing(self._connect()) as connection:
            return connection.execute("SELECT COUNT(*) FROM answers WHERE client = ? AND created_at >= ?",
                                      (client, midnight)).fetchone()[0]

    def add_feedback(self, answer_id: int, helpful: bool, note: str = "") -> int:
        """A user's thumbs up (helpful) or down on an answer."""
        self._require(answer_id)
        return self._write("INSERT INTO feedback (answer_id, created_at, helpful, note) VALUES (?,?,?,?)",
                           (answer_id, _now(), int(helpful), note))

    def review(self, answer_id: int, verdict: str, note: str = "", reviewer: str = "mentor") -> int:
        """A mentor's verdict on an answer: correct, incorrect or needs_fix, with a note."""
        _check_verdict(verdict)
        self._require(answer_id)
        return self._write("INSERT INTO reviews (answer_id, created_at, reviewer, verdict, note) VALUES (?,?,?,?,?)",
                           (answer_id, _now(), reviewer, verdict, note))

    def queue(self, include_reviewed: bool = False, limit: int = 200, *, thumbs_down: bool = False,
              verdict: str | None = None) -> list[dict]:
        """Answers for mentors, newest first: unreviewed ones unless ``include_reviewed``; only those with a
        thumbs down when ``thumbs_down``; only those whose latest verdict is ``verdict`` when one is given
        (with ``include_reviewed`` left False that finds nothing: an answer with a verdict is reviewed)."""
        conditions, parameters = ["1"], []
        if not include_reviewed:
            conditions.append("r.verdict IS NULL")
        if verdict:
            _check_verdict(verdict)
            conditions.append("r.verdict = ?")
            parameters.append(verdict)
        if thumbs_down:
            conditions.append("EXISTS (SELECT 1 FROM feedback f WHERE f.answer_id = a.id AND f.helpful = 0)")
        sql = QUEUE.format(conditions=" AND ".join(conditions))
        with closing(self._connect()) as connection:
            return [dict(row) for row in connection.execute(sql, (*parameters, limit))]

    def earlier_verdict(self, question: str) -> dict | None:
        """The latest mentor verdict on an earlier answer to the same question, compared without case,
        extra spaces or punctuation: answer_id, verdict, note, reviewer, reviewed_at; None if there is none."""
        key = question_key(question)
        if not key:
            return None
        with closing(self._connect()) as connection:
            connection.create_function("khub_question_key", 1, question_key, deterministic=True)
            row = connection.execute(
                "SELECT r.answer_id, r.verdict, r.note, r.reviewer, r.created_at AS reviewed_at "
                "FROM reviews r JOIN answers a ON a.id = r.answer_id "
                "WHERE khub_question_key(a.question) = ? ORDER BY r.id DESC LIMIT 1", (key,)).fetchone()
        return dict(row) if row else None

    def get(self, answer_id: int) -> dict:
        """One answer with its citations, sentences, feedback and reviews."""
        with closing(self._connect()) as connection:
            row = connection.execute("SELECT * FROM answers WHERE id = ?", (answer_id,)).fetchone()
            if row is None:
                raise ReviewError(f"no answer #{answer_id} in {self.path}")
            answer = dict(row) | {"citations": json.loads(row["citations"]), "sentences": json.loads(row["sentences"])}
            answer["feedback"] = [dict(r) for r in connection.execute(
                "SELECT helpful, note, created_at FROM feedback WHERE answer_id = ? ORDER BY id", (answer_id,))]
            answer["reviews"] = [dict(r) for r in connection.execute(
                "SELECT verdict, note, reviewer, created_at FROM reviews WHERE answer_id = ? ORDER BY id",
                (answer_id,))]
        return answer

    def export_csv(self, path: Path) -> Path:
        """Every answer with its latest verdict, the mentor who gave it, and thumbs counts, as CSV (pandas);
        every text cell spreadsheet-safe (ui/exports.py)."""
        rows = self.queue(include_reviewed=True, limit=1_000_000)
        with closing(self._connect()) as connection:
            notes = dict(connection.execute(
                "SELECT answer_id, note FROM reviews WHERE id IN (SELECT MAX(id) FROM reviews GROUP BY answer_id)"))
            answers = {row["id"]: row for row in connection.execute("SELECT id, answer, citations FROM answers")}
        for row in rows:
            row["answer"] = answers[row["id"]]["answer"]
            row["cited_entries"] = " ".join(c["entry_id"] for c in json.loads(answers[row["id"]]["citations"]))
            row["review_note"] = notes.get(row["id"], "")
        return write_csv(rows, EXPORT_COLUMNS, path)

    def _require(self, answer_id: int) -> None:
        with closing(self._connect()) as connection:
            if connection.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone() is None:
                raise ReviewError(f"no answer #{answer_id} in {self.path}")


def question_key(question: str) -> str:
    """A question as compared with earlier ones: case, spaces and punctuation aside."""
    folded = unicodedata.normalize("NFKC", question).casefold()
    return " ".join(PUNCTUATION.sub("", folded).split())


def _check_verdict(verdict: str) -> None:
    if verdict not in VERDICTS:
        raise ReviewError(f"unknown verdict {verdict!r}; use one of {', '.join(VERDICTS)}")


def _add_client_column(connection: sqlite3.Connection) -> None:
    """A store made before answers recorded their client gets the column (empty for the answers it holds);
    nothing stored is changed."""
    connection.execute("BEGIN IMMEDIATE")  # two processes opening an old store at once add it once
    if "client" not in {row["name"] for row in connection.execute("PRAGMA table_info(answers)")}:
        connection.execute("ALTER TABLE answers ADD COLUMN client TEXT NOT NULL DEFAULT ''")
    connection.execute("CREATE INDEX IF NOT EXISTS answers_by_client ON answers(client, created_at)")
    connection.execute("COMMIT")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

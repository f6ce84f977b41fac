"""The review store: every answer given, users' thumbs, and mentors' verdicts, in the review database.

The database is a SQLite file beside the index (``<index dir>/reviews.sqlite``) but outside its
snapshots, so rebuilding the index keeps it; or KHUB_REVIEW_DB, a file or a PostgreSQL server that
several app replicas share (ui/database.py). Every write is its own short transaction, so several
sessions writing at once lose no rows.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from assistant.answer import Answer
from khub.errors import KhubError
from ui.database import DatabaseStore, now
from ui.exports import write_csv

FILE_NAME = "reviews.sqlite"
VERDICTS = ("correct", "incorrect", "needs_fix")
WARNING_VERDICTS = ("incorrect", "needs_fix")  # shown to the next person who asks the same question
PUNCTUATION = re.compile(r"[^\w\s]")
EXPORT_COLUMNS = ("id", "created_at", "question", "answer", "mode", "refused", "faithfulness", "cited_entries",
                  "thumbs_up", "thumbs_down", "verdict", "reviewer", "review_note")
# The latest answer's verdict, per answer; the queue's filters are added after WHERE.
QUEUE = """
    SELECT a.id, a.created_at, a.question, a.mode, a.refused, a.faithfulness,
           (SELECT COUNT(*) FROM feedback f WHERE f.answer_id = a.id AND f.helpful = 1) AS thumbs_up,
           (SELECT COUNT(*) FROM feedback f WHERE f.answer_id = a.id AND f.helpful = 0) AS thumbs_down,
           r.verdict, r.reviewer
    FROM answers a LEFT JOIN (
        SELECT answer_id, verdict, reviewer FROM reviews WHERE id IN (SELECT MAX(id) FROM reviews GROUP BY answer_id)
    ) r ON r.answer_id = a.id
    WHERE {conditions}
    ORDER BY a.id DESC LIMIT :limit"""


class ReviewError(KhubError):
    """A review action that cannot be done (an unknown answer, an unknown verdict)."""


class ReviewStore(DatabaseStore):
    """Answers, feedback and reviews in the review database; safe to use from many threads and processes."""

    def _insert(self, sql: str, parameters: dict) -> int:
        with self.database.writing() as connection:
            return connection.execute(text(sql + " RETURNING id"), parameters).scalar_one()

    def record_answer(self, answer: Answer, session: str = "", client: str = "") -> int:
        """Store an answer with its citations and per-sentence support, and the asking client's address;
        return its id."""
        citations = [citation.as_dict() for citation in answer.citations]
        sentences = [{"text": s.text, "cites": list(s.cites), "supported": s.supported} for s in answer.sentences]
        return self._insert(
            "INSERT INTO answers (created_at, session, question, query, answer, mode, refused, faithfulness, "
            "citations, sentences, client) VALUES (:created_at, :session, :question, :query, :answer, :mode, "
            ":refused, :faithfulness, :citations, :sentences, :client)",
            {"created_at": now(), "session": session, "question": answer.question, "query": answer.query,
             "answer": answer.text, "mode": answer.mode, "refused": int(answer.refused),
             "faithfulness": answer.faithfulness, "citations": json.dumps(citations, ensure_ascii=False),
             "sentences": json.dumps(sentences, ensure_ascii=False), "client": client},
        )

    def answers_today(self, client: str) -> int:
        """How many of ``client``'s answers were stored today (UTC): what the per-client daily cap counts."""
        midnight = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0).isoformat(timespec="seconds")
        with self.database.reading() as connection:
            return connection.execute(text("SELECT COUNT(*) FROM answers WHERE client = :client "
                                           "AND created_at >= :midnight"),
                                      {"client": client, "midnight": midnight}).scalar_one()

    def add_feedback(self, answer_id: int, helpful: bool, note: str = "") -> int:
        """A user's thumbs up (helpful) or down on an answer."""
        self._require(answer_id)
        return self._insert("INSERT INTO feedback (answer_id, created_at, helpful, note) "
                            "VALUES (:answer_id, :created_at, :helpful, :note)",
                            {"answer_id": answer_id, "created_at": now(), "helpful": int(helpful), "note": note})

    def review(self, answer_id: int, verdict: str, note: str = "", reviewer: str = "mentor") -> int:
        """A mentor's verdict on an answer: correct, incorrect or needs_fix, with a note."""
        _check_verdict(verdict)
        self._require(answer_id)
        return self._insert("INSERT INTO reviews (answer_id, created_at, reviewer, verdict, note) "
                            "VALUES (:answer_id, :created_at, :reviewer, :verdict, :note)",
                            {"answer_id": answer_id, "created_at": now(), "reviewer": reviewer, "verdict": verdict,
                             "note": note})

    def queue(self, include_reviewed: bool = False, limit: int = 200, *, thumbs_down: bool = False,
              verdict: str | None = None) -> list[dict]:
        """Answers for mentors, newest first: unreviewed ones unless ``include_reviewed``; only those with a
        thumbs down when ``thumbs_down``; only those whose latest verdict is ``verdict`` when one is given
        (with ``include_reviewed`` left False that finds nothing: an answer with a verdict is reviewed)."""
        conditions, parameters = ["1 = 1"], dict[str, object](limit=limit)
        if not include_reviewed:
            conditions.append("r.verdict IS NULL")
        if verdict:
            _check_verdict(verdict)
            conditions.append("r.verdict = :verdict")
            parameters["verdict"] = verdict
        if thumbs_down:
            conditions.append("EXISTS (SELECT 1 FROM feedback f WHERE f.answer_id = a.id AND f.helpful = 0)")
        sql = QUEUE.format(conditions=" AND ".join(conditions))
        with self.database.reading() as connection:
            return [dict(row) for row in connection.execute(text(sql), parameters).mappings()]

    def earlier_verdict(self, question: str) -> dict | None:
        """The latest mentor verdict on an earlier answer to the same question, compared without case,
        extra spaces or punctuation: answer_id, verdict, note, reviewer, reviewed_at; None if there is none."""
        key = question_key(question)
        if not key:
            return None
        # Compared here, newest verdict first, rather than in SQL: question_key() is Python's Unicode folding,
        # which neither database has. Only reviewed answers are read, and streamed (a server-side cursor).
        newest_first = text("SELECT r.answer_id, r.verdict, r.note, r.reviewer, r.created_at AS reviewed_at, "
                            "a.question FROM reviews r JOIN answers a ON a.id = r.answer_id ORDER BY r.id DESC")
        with self.database.reading() as connection:
            streamed = connection.execution_options(stream_results=True, yield_per=500)
            with streamed.execute(newest_first) as result:  # closed too when a match ends the loop early
                for row in result.mappings():
                    if question_key(row["question"]) == key:
                        return {name: row[name] for name in ("answer_id", "verdict", "note", "reviewer",
                                                             "reviewed_at")}
        return None

    def get(self, answer_id: int) -> dict:
        """One answer with its citations, sentences, feedback and reviews."""
        with self.database.reading() as connection:
            row = connection.execute(text("SELECT * FROM answers WHERE id = :id"), {"id": answer_id}).mappings().first()
            if row is None:
                raise ReviewError(f"no answer #{answer_id} in {self.path}")
            answer = dict(row) | {"citations": json.loads(row["citations"]), "sentences": json.loads(row["sentences"])}
            answer["feedback"] = [dict(r) for r in connection.execute(text(
                "SELECT helpful, note, created_at FROM feedback WHERE answer_id = :id ORDER BY id"),
                {"id": answer_id}).mappings()]
            answer["reviews"] = [dict(r) for r in connection.execute(text(
                "SELECT verdict, note, reviewer, created_at FROM reviews WHERE answer_id = :id ORDER BY id"),
                {"id": answer_id}).mappings()]
        return answer

    def export_csv(self, path: Path) -> Path:
        """Every answer with its latest verdict, the mentor who gave it, and thumbs counts, as CSV (pandas);
        every text cell spreadsheet-safe (ui/exports.py)."""
        rows = self.queue(include_reviewed=True, limit=1_000_000)
        with self.database.reading() as connection:
            notes = {row.answer_id: row.note for row in connection.execute(text(
                "SELECT answer_id, note FROM reviews WHERE id IN (SELECT MAX(id) FROM reviews GROUP BY answer_id)"))}
            answers = {row.id: row for row in connection.execute(text("SELECT id, answer, citations FROM answers"))}
        for row in rows:
            row["answer"] = answers[row["id"]].answer
            row["cited_entries"] = " ".join(c["entry_id"] for c in json.loads(answers[row["id"]].citations))
            row["review_note"] = notes.get(row["id"], "")
        return write_csv(rows, EXPORT_COLUMNS, path)

    def _require(self, answer_id: int) -> None:
        with self.database.reading() as connection:
            if connection.execute(text("SELECT 1 FROM answers WHERE id = :id"), {"id": answer_id}).first() is None:
                raise ReviewError(f"no answer #{answer_id} in {self.path}")


def question_key(question: str) -> str:
    """A question as compared with earlier ones: case, spaces and punctuation aside."""
    folded = unicodedata.normalize("NFKC", question).casefold()
    return " ".join(PUNCTUATION.sub("", folded).split())


def _check_verdict(verdict: str) -> None:
    if verdict not in VERDICTS:
        raise ReviewError(f"unknown verdict {verdict!r}; use one of {', '.join(VERDICTS)}")

"""Speed of the in-process local model (SmolLM2-135M-Instruct): load, first token, tokens/s, memory.

    PYTHONPATH=. .venv/bin/python bench/local_model.py [--runs 3] [--max-tokens 64] [--json]
                                                       [--precision auto|float32|mixed|bfloat16|int8] [--threads N]

Three prompts:
  short     a one-line question, alone (~40 prompt tokens with the model's default system prompt)
  passages  a question with two short passages, as the assistant sends it (assistant/prompts.py;
            ~350 tokens, most of them its system prompt)
  rag       six numbered engineering passages and a question, the same way (~1,200 tokens)

Each is generated --runs times (greedy, --max-tokens at most); the medians are printed. "first
token" is the wall time from calling generate() to its first text delta (the prompt's prefill
plus one decoding step); tokens/s counts the tokens decoded after it. Load time is cold: this
process has not imported torch or transformers before. Peak RSS is the process's high-water mark.
The machine's other work shows in every number: compare runs made under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import khub  # noqa: E402,F401  (offline environment first)

QUESTION_SHORT = "What is the difference between a process and a thread?"

QUESTION_PASSAGES = "How should a single page app store its access token?"
PASSAGES_TWO = [
    ("qa/jwt-storage", "Where should a single page app keep its access token?",
     "Keep the access token in an httpOnly, Secure, SameSite cookie, not in localStorage, where any XSS "
     "payload can read it."),
    ("qa/jwt-expiry", "How long should an access token live?",
     "Give access tokens a short lifetime, such as 15 minutes, and renew them with a refresh token that "
     "the server can revoke."),
]

QUESTION_RAG = "Why does my Postgres connection pool run out of connections under load, and how do I fix it?"
PASSAGES_RAG = [
    ("article/postgres-connection-pooling", "Connection pooling for PostgreSQL",
     "Every PostgreSQL connection is a separate backend process that holds several megabytes of memory, "
     "so a server with max_connections set to 100 cannot serve thousands of clients directly. A pool keeps a "
     "small number of connections open and lends them to requests for the duration of a transaction. Size "
     "the pool from the database's capacity, not from the number of web workers: a common starting point is "
     "two connections per CPU core of the database server. When every connection is lent out, new requests "
     "wait in a queue until the pool timeout expires, and then fail with a timeout error. PgBouncer in "
     "transaction mode lets many application connections share few server connections, but session state "
     "such as prepared statements, advisory locks and SET commands does not survive between transactions."),
    ("error/pool-exhausted", "QueuePool limit of size 5 overflow 10 reached, connection timed out",
     "SQLAlchemy raises this error when all pooled connections are checked out and the overflow limit is "
     "reached for longer than pool_timeout, 30 seconds by default. The usual root cause is a leak: a session "
     "is opened per request but never closed when an exception is raised, so its connection is never "
     "returned. Use the session as a context manager, or close it in a finally block, and make sure "
     "background tasks open their own sessions instead of borrowing the request's. Raising pool_size only "
     "hides a leak until the next traffic peak. Set pool_pre_ping=True to discard connections that the "
     "server or a firewall closed while they were idle."),
    ("qa/long-transactions", "Why are long transactions bad for a connection pool?",
     "A transaction holds its connection from BEGIN until COMMIT or ROLLBACK. If a request calls a slow "
     "external API while a transaction is open, the connection sits idle in transaction and no other request "
     "can use it. Under load, a few slow calls are enough to exhaust the pool. Keep transactions short: read "
     "what you need, commit, then call the external service, and open a new transaction to write the result. "
     "The idle_in_transaction_session_timeout setting makes PostgreSQL end sessions that stay idle in a "
     "transaction for too long, which turns a silent pool exhaustion into a visible error."),
    ("snippet/pool-metrics", "Log the state of a SQLAlchemy pool",
     "engine.pool.status() returns a line such as 'Pool size: 5 Connections in pool: 0 Current Overflow: 10 "
     "Current Checked out connections: 15'. Log it every minute, or expose checked-out and overflow counts as "
     "metrics, to see a leak growing before requests start to time out. A checked-out count that keeps "
     "rising while traffic is flat means connections are not being returned. A count that only rises during "
     "traffic peaks means the pool is too small for the peak or the transactions are too long."),
    ("article/async-workers", "Async web workers and database connections",
     "An async worker can run hundreds of requests concurrently in one process, and each of them may ask for "
     "a database connection at the same time. With an async driver such as asyncpg, create one pool per "
     "process at startup and limit concurrency with the pool size itself; creating a pool per request opens "
     "a new connection every time and defeats pooling. Blocking database calls inside an async handler stall "
     "the whole event loop, so use the async driver or run the call in a thread pool."),
    ("qa/max-connections", "Should I raise max_connections in PostgreSQL?",
     "Raising max_connections to thousands is rarely the right fix. Each connection costs memory and adds "
     "contention on shared locks, and throughput usually falls once active connections exceed a few times "
     "the number of cores. Put a pooler such as PgBouncer in front of the database instead, and keep the sum "
     "of all application pools below max_connections minus a few connections reserved for superusers and "
     "maintenance jobs."),
]


def main() -> int:
    args = _parse_args()
    from khub.errors import KhubError

    try:
        report = run(args)
    except KhubError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return 0


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="generations per prompt (median reported)")
    parser.add_argument("--max-tokens", type=int, default=64, help="tokens to generate at most per run")
    parser.add_argument("--precision", default="auto", choices=["auto", "float32", "mixed", "bfloat16", "int8"],
                        help="auto: mixed (bfloat16 prefill, float32 decoding) on CPUs with AMX, else float32")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: all cores)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    return parser.parse_args()


def prompts() -> dict[str, list[dict]]:
    """The benchmark's chat messages: a bare question; the compact prompt khub gives the local model;
    and the full RAG prompt a hosted model gets (~1,200 tokens, for time to first token)."""
    return {"short": [{"role": "user", "content": QUESTION_SHORT}],
            "passages": _messages(QUESTION_PASSAGES, PASSAGES_TWO, compact=True),
            "rag": _messages(QUESTION_RAG, PASSAGES_RAG, compact=False)}


def _messages(question: str, passages: list[tuple[str, str, str]], compact: bool) -> list[dict]:
    from assistant.cite import Citation
    from assistant.prompts import answer_messages, compact_messages
    from embeddings.storage import Passage

    build = compact_messages if compact else answer_messages
    return build(question, [Citation(n=n, passage=Passage(entry_id=entry, chunk_id=f"{entry}#0", title=title,
                                                          section="body", text=text, kind="article"))
                            for n, (entry, title, text) in enumerate(passages, 1)])


def run(args: argparse.Namespace) -> dict:
    started = time.perf_counter()
    from assistant.local_model import LocalChatModel

    model = LocalChatModel(threads=args.threads, precision=args.precision)
    load = time.perf_counter() - started
    import torch

    report = {"model": model.name, "precision": model.precision, "threads": torch.get_num_threads(),
              "load_seconds": round(load, 2), "load_average_before": round(os.getloadavg()[0], 2), "prompts": {}}
    for name, messages in prompts().items():
        runs = [_one_run(model, messages, args.max_tokens) for _ in range(args.runs)]
        report["prompts"][name] = {
            "prompt_tokens": runs[0]["prompt_tokens"],
            "completion_tokens": runs[0]["completion_tokens"],
            "first_token_seconds": round(statistics.median(r["first_token_seconds"] for r in runs), 3),
            "tokens_per_second": round(statistics.median(r["tokens_per_second"] for r in runs), 1),
            "runs": runs,
            "answer": runs[0]["answer"],
        }
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    report["load_average_after"] = round(os.getloadavg()[0], 2)
    return report


def _one_run(model, messages: list[dict], max_tokens: int) -> dict:
    cpu = time.process_time()
    started = time.perf_counter()
    first = None
    pieces = []
    for delta in model.generate(messages, max_tokens=max_tokens):
        first = first or time.perf_counter() - started
        pieces.append(delta)
    usage = model.last_usage
    return {"prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens,
            "first_token_seconds": round(first or usage.seconds, 3),
            "tokens_per_second": round(usage.tokens_per_second, 1), "seconds": round(usage.seconds, 3),
            "cpu_seconds": round(time.process_time() - cpu, 3), "answer": "".join(pieces)}


def _print(report: dict) -> None:
    print(f"{report['model']}  precision={report['precision']}  threads={report['threads']}")
    print(f"load (cold, imports included): {report['load_seconds']:.2f} s")
    print(f"{'prompt':<8}{'prompt tok':>11}{'out tok':>9}{'first token':>13}{'tokens/s':>10}")
    for name, row in report["prompts"].items():
        print(f"{name:<8}{row['prompt_tokens']:>11}{row['completion_tokens']:>9}"
              f"{row['first_token_seconds']:>12.3f}s{row['tokens_per_second']:>10.1f}")
    print(f"peak RSS: {report['peak_rss_mb']} MB   (1-minute load average {report['load_average_before']} before, "
          f"{report['load_average_after']} after: above ~0.5 other work is competing for the cores)")
    for name, row in report["prompts"].items():
        print(f"\n{name} answer: {row['answer'].strip()}")


if __name__ == "__main__":
    sys.exit(main())

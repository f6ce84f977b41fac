"""Keep the hub's own archive (corpus/) honest.

Every entry must have valid front matter, and the code in the entries must really work:
the tests below read the fenced code blocks *from the Markdown files* and run them
(Python against a local HTTP server, SQL in SQLite and, when reachable, PostgreSQL,
PHP and JavaScript when `php` / `node` are installed). Error entries are checked against
the messages the real tools print.

Only the standard library, pytest and PyYAML are used. PostgreSQL tests run when a server
is reachable through the usual libpq variables (PGHOST, PGPORT, PGUSER, PGDATABASE) or
KHUB_TEST_PG_DSN; otherwise they are skipped with a reason.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

EXPECTED_IDS = {
    "qa/api-auth-jwt-oauth",
    "qa/ml-data-security",
    "qa/graphql-complex-queries",
    "qa/fastapi-authn-authz",
    "qa/genai-integration-security",
    "qa/flask-sqli-xss",
    "qa/event-driven-schema",
    "qa/llm-cicd-pipeline",
    "qa/encryption-time-complexity",
    "qa/vector-db-recommendations",
    "error/pdo-conn-scope",
    "error/react-undefined-state",
    "error/fk-insert-order",
    "error/venv-module-not-found",
    "error/datagridview-null",
    "error/wp-memory-exhausted",
    "snippet/singleton-db-connection",
    "snippet/rate-limited-api-client",
    "snippet/recursive-cte-hierarchy",
    "snippet/use-debounce-hook",
    "path/php-zero-to-production",
    "path/fullstack-js-react-node",
    "path/software-architecture-mastery",
    "path/ai-integration",
}
KINDS = {"qa", "error", "snippet", "article", "path"}
LEVELS = {"junior", "mid", "senior", "architect"}
LEVEL_ALIASES = {"beginner": "junior", "intermediate": "mid", "advanced": "senior"}
KNOWN_FIELDS = {
    "id", "kind", "title", "language", "languages", "level", "tags", "error_message",
    "message_variants", "error_type", "audience", "author", "updated", "source",
    "source_url", "license",
}
SECTIONS = {
    "qa": ["Deep Dive", "Real-World", "Common Mistakes", "Production Scenario"],
    "error": ["Symptom", "Root Cause", "Fix"],
    "snippet": ["When to use", "Code", "Usage", "Notes"],
    "path": ["Milestones"],
}


# --------------------------------------------------------------------------- corpus parsing


@dataclass
class CodeBlock:
    lang: str
    code: str
    section: str


@dataclass
class Doc:
    path: Path
    meta: dict
    body: str
    lead: str
    sections: dict[str, str]  # "## heading" -> text (fenced blocks included)
    blocks: list[CodeBlock]

    def code(self, lang: str, section: str | None = None) -> list[str]:
        return [b.code for b in self.blocks if b.lang == lang and (section is None or b.section == section)]


FENCE_RE = re.compile(r"^(`{3,})([\w+-]*)\s*$")


def parse_doc(path: Path) -> Doc:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path}: no YAML front matter between '---' lines at the top"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), f"{path}: front matter is not a mapping"
    body = text[match.end():]

    sections: dict[str, list[str]] = {}
    lead: list[str] = []
    blocks: list[CodeBlock] = []
    current = None
    fence = None  # (backticks, lang, lines)
    for line in body.splitlines():
        if fence is None:
            opened = FENCE_RE.match(line)
            if opened:
                fence = (opened.group(1), opened.group(2).lower(), [])
            elif line.startswith("## "):
                current = line[3:].strip()
                assert current not in sections, f"{path}: duplicate section {current!r}"
                sections[current] = []
                continue
        elif line.strip() == fence[0]:
            blocks.append(CodeBlock(fence[1], "\n".join(fence[2]) + "\n", current or ""))
            fence = None
        else:
            fence[2].append(line)
        (sections[current] if current else lead).append(line)
    assert fence is None, f"{path}: unclosed code fence"
    return Doc(path, meta, body, "\n".join(lead).strip(),
               {k: "\n".join(v).strip() for k, v in sections.items()}, blocks)


def entry_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.md") if p.name != "README.md")


def doc(entry_id: str) -> Doc:
    return parse_doc(CORPUS / f"{entry_id}.md")


def one(items: list, what: str):
    assert len(items) == 1, f"expected exactly one {what}, found {len(items)}"
    return items[0]


def sql_statements(sql: str) -> list[str]:
    """Split a script on ';' after removing '--' comments (the corpus SQL has no ';' or '--' in strings)."""
    sql = re.sub(r"--[^\n]*", "", sql)
    return [s.strip() for s in sql.split(";") if s.strip()]


def normalize_message(text: str) -> str:
    """Make messages comparable across machines: file paths, line numbers and sizes vary."""
    text = re.sub(r" in .+? on line \d+", " in FILE on line N", text)
    text = re.sub(r" in \S+:\d+", " in FILE:N", text)
    return re.sub(r"\d+", "N", text)


# --------------------------------------------------------------------------- front matter and structure


def test_corpus_holds_the_hub_entries_other_tooling_refers_to():
    ids = [parse_doc(p).meta.get("id") for p in entry_files()]
    assert len(ids) == len(set(ids)), "duplicate ids in corpus/"
    assert EXPECTED_IDS <= set(ids), f"missing: {sorted(EXPECTED_IDS - set(ids))}"
    assert (CORPUS / "README.md").is_file()


@pytest.mark.parametrize("path", entry_files(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_front_matter(path: Path):
    d = parse_doc(path)
    m = d.meta
    for field in ("id", "kind", "title"):
        assert isinstance(m.get(field), str) and m[field].strip(), f"missing required field {field!r}"
    assert set(m) <= KNOWN_FIELDS, f"unknown fields: {set(m) - KNOWN_FIELDS}"
    assert m["kind"] in KINDS
    assert m["id"] == path.relative_to(CORPUS).with_suffix("").as_posix()
    assert m["id"].split("/")[0] == m["kind"]
    assert re.fullmatch(r"[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*", m["id"])
    assert "\n" not in m["title"]
    level = m.get("level")
    if level is not None:
        assert LEVEL_ALIASES.get(level, level) in LEVELS
    assert not ("language" in m and "languages" in m), "use either language or languages"
    if "language" in m:
        assert isinstance(m["language"], str)
    langs = [m["language"]] if "language" in m else m.get("languages", [])
    assert isinstance(langs, list)
    assert all(isinstance(x, str) and x == x.lower() and " " not in x for x in langs)
    tags = m.get("tags", [])
    assert isinstance(tags, list)
    assert all(isinstance(t, str) and re.fullmatch(r"[a-z0-9][a-z0-9.+#-]*", t) for t in tags), tags
    assert len(tags) == len(set(tags))
    if m["kind"] == "error":
        assert isinstance(m.get("error_message"), str) and m["error_message"].strip()
        variants = m.get("message_variants")
        assert isinstance(variants, list) and variants
        assert all(isinstance(v, str) and v.strip() for v in variants)
        assert m["error_message"] not in variants
    else:
        assert "error_message" not in m and "message_variants" not in m
    if m["kind"] == "path":
        assert isinstance(m.get("audience"), str) and m["audience"].strip()


@pytest.mark.parametrize("path", entry_files(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_sections(path: Path):
    d = parse_doc(path)
    kind = d.meta["kind"]
    assert d.lead, "the text before the first ## heading (summary / short answer) is empty"
    assert list(d.sections)[: len(SECTIONS[kind])] == SECTIONS[kind]
    assert all(text for text in d.sections.values()), "empty section"
    for heading in d.sections:
        assert not re.search(r"[\u2600-\u27bf\U0001f300-\U0001faff]", heading), f"emoji in heading {heading!r}"
    if kind == "qa":
        assert d.meta["title"].endswith("?")
        assert not d.blocks
    if kind == "error":
        assert d.code("text", "Symptom") or d.code("console", "Symptom"), "show the output in Symptom"
        assert [b for b in d.blocks if b.section == "Fix" and b.lang not in ("text", "console")]
    if kind == "snippet":
        assert len([b for b in d.blocks if b.section == "Code"]) >= 1
    if kind == "path":
        items = re.findall(r"^(\d+)\. \*\*(.+?)\*\* (.+)$", d.sections["Milestones"], re.M)
        assert 6 <= len(items) <= 10
        assert [int(n) for n, _, _ in items] == list(range(1, len(items) + 1))


def test_qa_sections_keep_the_seed_structure():
    # Q&A bodies are verbatim seed text: one short answer, then the four sections.
    for entry_id in sorted(i for i in EXPECTED_IDS if i.startswith("qa/")):
        d = doc(entry_id)
        assert "\n\n" not in d.lead, f"{entry_id}: the short answer is a single paragraph"
        assert not d.sections["Deep Dive"].startswith("Deep Dive:")


# --------------------------------------------------------------------------- Python: rate-limited client


@pytest.fixture(scope="module")
def rl(tmp_path_factory):
    """The rate-limited client module, loaded from the corpus entry's ## Code block."""
    code = one(doc("snippet/rate-limited-api-client").code("python", "Code"), "python block in ## Code")
    path = tmp_path_factory.mktemp("snippet") / "khub_corpus_rate_limited_client.py"
    path.write_text(code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("khub_corpus_rate_limited_client", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


class ScriptedServer:
    """A real HTTP server on 127.0.0.1 whose paths answer with a scripted status sequence.

    script: {path: [(status, headers), ...]}; the last response repeats. Every hit is recorded
    with its arrival time (time.monotonic, the same clock the client uses).
    """

    def __init__(self, script: dict[str, list[tuple[int, dict[str, str]]]]):
        self.script = script
        self.hits: list[tuple[str, str, float]] = []
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                path = self.path.split("?")[0]
                with outer.lock:
                    n = sum(1 for p, _, _ in outer.hits if p == path)
                    outer.hits.append((path, self.command, time.monotonic()))
                steps = outer.script.get(path, [(404, {})])
                status, headers = steps[min(n, len(steps) - 1)]
                body = json.dumps({"path": path, "attempt": n + 1, "status": status}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _handle

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def times(self, path: str) -> list[float]:
        return [t for p, _, t in self.hits if p == path]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_client_retries_503_and_429_with_backoff(rl):
    retries = []
    script = {"/flaky": [(503, {}), (429, {"Retry-After": "0"}), (200, {})]}
    with ScriptedServer(script) as server:

        async def main():
            client = rl.RateLimitedClient(
                rate=1000, burst=10, max_retries=4, base_delay=0.02, max_delay=0.5,
                on_retry=lambda url, attempt, delay, reason: retries.append((attempt, delay, reason)),
            )
            return await client.get(server.url("/flaky"))

        response = asyncio.run(main())
        times = server.times("/flaky")

    assert response.status == 200
    assert response.attempts == 3
    assert response.json() == {"path": "/flaky", "attempt": 3, "status": 200}
    assert response.headers["content-type"] == "application/json"
    assert len(times) == 3
    assert [(a, r) for a, _, r in retries] == [(1, "HTTP 503"), (2, "HTTP 429")]
    for (attempt, delay, _), gap in zip(retries, (times[1] - times[0], times[2] - times[1])):
        assert 0 <= delay <= 0.02 * 2 ** (attempt - 1)  # exponential cap, full jitter
        assert gap >= delay - 0.005  # the client really waited before retrying


def test_backoff_is_exponential_with_full_jitter(rl):
    client = rl.RateLimitedClient(base_delay=0.1, max_delay=1.0)
    rl.random.seed(1234)
    for attempt in range(1, 8):
        cap = min(1.0, 0.1 * 2 ** (attempt - 1))
        samples = [client.backoff(attempt) for _ in range(300)]
        assert all(0 <= s <= cap for s in samples)
        assert max(samples) > 0.8 * cap  # the ceiling really doubles per attempt (until max_delay)
        assert min(samples) < 0.2 * cap  # full jitter: delays spread down to ~0
        assert len(set(samples)) > 250


def test_retry_after_is_honoured_and_capped(rl):
    retries = []
    with ScriptedServer({"/slow-down": [(429, {"Retry-After": "1"}), (200, {})]}) as server:

        async def main():
            client = rl.RateLimitedClient(
                rate=1000, burst=10, base_delay=0.001, max_delay=0.3,
                on_retry=lambda *args: retries.append(args),
            )
            return await client.get(server.url("/slow-down"))

        response = asyncio.run(main())
        times = server.times("/slow-down")
    assert response.status == 200
    assert len(retries) == 1
    assert retries[0][2] == pytest.approx(0.3)  # max(backoff, Retry-After=1s) capped by max_delay
    assert times[1] - times[0] >= 0.28
    assert rl.parse_retry_after("120") == 120.0
    assert rl.parse_retry_after("garbage") is None
    in_5s = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 5))
    assert 3 <= rl.parse_retry_after(in_5s) <= 5


def test_gives_up_after_max_retries(rl):
    with ScriptedServer({"/down": [(503, {})]}) as server:

        async def main():
            client = rl.RateLimitedClient(rate=1000, burst=10, max_retries=2, base_delay=0.001)
            return await client.get(server.url("/down"))

        with pytest.raises(rl.RetryError) as excinfo:
            asyncio.run(main())
        assert len(server.times("/down")) == 3  # first attempt + 2 retries
    assert excinfo.value.response.status == 503
    assert excinfo.value.response.attempts == 3


def test_non_retryable_status_and_post_are_not_retried(rl):
    with ScriptedServer({"/missing": [(404, {})], "/create": [(503, {}), (201, {})]}) as server:

        async def main():
            client = rl.RateLimitedClient(rate=1000, burst=10, max_retries=3, base_delay=0.001)
            missing = await client.get(server.url("/missing"))
            created = await client.post(server.url("/create"), json_body={"name": "ada"})
            return missing, created

        missing, created = asyncio.run(main())
        assert len(server.times("/missing")) == 1
        assert len(server.times("/create")) == 1
    assert (missing.status, missing.attempts) == (404, 1)
    assert (created.status, created.attempts) == (503, 1)  # POST is not idempotent: returned, not retried


def test_connection_errors_are_retried(rl):
    import socket

    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    reasons = []

    async def main():
        client = rl.RateLimitedClient(
            rate=1000, burst=10, max_retries=2, base_delay=0.001, timeout=2,
            on_retry=lambda url, attempt, delay, reason: reasons.append(reason),
        )
        return await client.get(f"http://127.0.0.1:{port}/")

    with pytest.raises(rl.RetryError) as excinfo:
        asyncio.run(main())
    assert len(reasons) == 2
    assert isinstance(excinfo.value.cause, OSError)


def test_per_domain_rate_limiting(rl):
    assert rl.domain_of("https://user:pw@API.Example.com:8443/v1?x=1") == "api.example.com:8443"
    assert rl.domain_of("https://api.example.com/v1") == "api.example.com"
    with ScriptedServer({"/a": [(200, {})]}) as a, ScriptedServer({"/b": [(200, {})]}) as b:

        async def main():
            client = rl.RateLimitedClient(
                rate=10, burst=1,  # default: one request per 100 ms per domain
                domain_limits={f"127.0.0.1:{b.port}": (100.0, 5)},  # B: bursts of 5
            )
            start = time.monotonic()
            results = await asyncio.gather(
                *(client.get(a.url("/a")) for _ in range(4)),
                *(client.get(b.url("/b")) for _ in range(4)),
            )
            return results, time.monotonic() - start

        results, elapsed = asyncio.run(main())
        a_times, b_times = a.times("/a"), b.times("/b")
    assert [r.status for r in results] == [200] * 8
    gaps = [t2 - t1 for t1, t2 in zip(a_times, a_times[1:])]
    assert len(gaps) == 3 and all(g >= 0.08 for g in gaps), gaps  # A is paced at 10/s
    assert b_times[-1] - b_times[0] < 0.1  # B's own budget allows a burst
    assert b_times[-1] < a_times[-1]  # B never waited behind A's queue
    assert elapsed < 0.6  # one shared limiter would need >= 0.7 s for 8 requests


def test_rate_limited_client_usage_compiles():
    for code in doc("snippet/rate-limited-api-client").code("python", "Usage"):
        compile(code, "usage", "exec")


# --------------------------------------------------------------------------- SQL: recursive CTE

ORG_TREE = [
    (1, None, "Asha", "CEO", 0, "Asha"),
    (2, 1, "Bruno", "CTO", 1, "Asha > Bruno"),
    (4, 2, "Dana", "Engineering Manager", 2, "Asha > Bruno > Dana"),
    (5, 4, "Eli", "Backend Engineer", 3, "Asha > Bruno > Dana > Eli"),
    (6, 4, "Farah", "Frontend Engineer", 3, "Asha > Bruno > Dana > Farah"),
    (8, 2, "Hana", "Security Lead", 2, "Asha > Bruno > Hana"),
    (3, 1, "Chen", "CFO", 1, "Asha > Chen"),
    (7, 3, "Gus", "Accountant", 2, "Asha > Chen > Gus"),
]
SUBTREE_OF_BRUNO = [(2, "Bruno", 0), (4, "Dana", 1), (8, "Hana", 1), (5, "Eli", 2), (6, "Farah", 2)]
ANCESTORS_OF_ELI = [(1, "Asha", 3), (2, "Bruno", 2), (4, "Dana", 1), (5, "Eli", 0)]


@pytest.fixture(scope="module")
def cte():
    d = doc("snippet/recursive-cte-hierarchy")
    blocks = d.code("sql")
    schema = one([b for b in blocks if b.lstrip().upper().startswith("CREATE")], "schema block")
    data = one([b for b in blocks if b.lstrip().upper().startswith("INSERT")], "sample data block")
    queries = [b for b in blocks if "WITH RECURSIVE" in b.upper()]
    assert len(queries) == 3, "tree, subtree and ancestors queries"
    tree = one(d.code("sql", "Code")[1:], "tree query in ## Code")
    assert tree == queries[0]
    return {"doc": d, "schema": schema, "data": data, "tree": queries[0],
            "subtree": queries[1], "ancestors": queries[2]}


def test_recursive_cte_sqlite(cte):
    con = sqlite3.connect(":memory:")
    con.executescript(cte["schema"] + cte["data"])
    assert con.execute(cte["tree"]).fetchall() == ORG_TREE
    assert con.execute(cte["subtree"]).fetchall() == SUBTREE_OF_BRUNO
    assert con.execute(cte["ancestors"]).fetchall() == ANCESTORS_OF_ELI

    # The result table printed in ## Usage is what the query really returns.
    table = [
        [c.strip() for c in line.strip().strip("|").split("|")]
        for line in cte["doc"].sections["Usage"].splitlines()
        if line.startswith("|") and not set(line) <= set("|- ")
    ]
    assert table[0] == ["id", "manager_id", "name", "title", "depth", "path"]
    assert table[1:] == [["" if v is None else str(v) for v in row] for row in ORG_TREE]

    # Cycle guard: starting inside a cycle terminates instead of recursing forever.
    con.executescript(
        "INSERT INTO employees VALUES (9, NULL, 'Ivo', 'Temp'), (10, 9, 'Jo', 'Temp');"
        "UPDATE employees SET manager_id = 10 WHERE id = 9;"
    )
    rows = con.execute(cte["subtree"].replace("WHERE id = 2", "WHERE id = 9")).fetchall()
    assert max(depth for _, _, depth in rows) == 50
    rows = con.execute(cte["ancestors"].replace("WHERE id = 5", "WHERE id = 9")).fetchall()
    assert max(height for _, _, height in rows) == 50


@pytest.fixture(scope="module")
def psql():
    """Run SQL through psql in a throw-away schema; skip when PostgreSQL is unavailable."""
    psql_exe = shutil.which("psql")
    if not psql_exe:
        pytest.skip("psql not installed: PostgreSQL variant not run")
    dsn = os.environ.get("KHUB_TEST_PG_DSN")
    exe = [psql_exe, "-X"] + (["-d", dsn] if dsn else [])  # else libpq's PG* variables / defaults
    env = dict(os.environ)
    probe = subprocess.run(exe + ["-At", "-c", "select 1"], env=env, capture_output=True,
                           text=True, timeout=10)
    if probe.returncode != 0:
        pytest.skip("no PostgreSQL server reachable (set PGHOST/PGPORT/PGUSER/PGDATABASE or "
                    f"KHUB_TEST_PG_DSN): {(probe.stderr.strip().splitlines() or [''])[0][:160]}")
    schema = f"khub_corpus_test_{os.getpid()}"

    def run(sql: str, check: bool = True) -> subprocess.CompletedProcess:
        script = f"SET client_min_messages = warning;\nSET search_path TO {schema};\n{sql}\n"
        args = exe + ["-q", "-At", "-F", "|"] + (["-v", "ON_ERROR_STOP=1"] if check else [])
        proc = subprocess.run(args, input=script, env=env, capture_output=True, text=True, timeout=30)
        if check:
            assert proc.returncode == 0, proc.stderr
        return proc

    subprocess.run(exe + ["-q", "-v", "ON_ERROR_STOP=1", "-c", f"CREATE SCHEMA {schema}"],
                   env=env, check=True, capture_output=True, timeout=10)
    try:
        yield run
    finally:
        subprocess.run(exe + ["-q", "-c", f"DROP SCHEMA IF EXISTS {schema} CASCADE"],
                       env=env, capture_output=True, timeout=10)


def _psql_rows(text: str) -> list[tuple]:
    def value(v: str):
        return None if v == "" else int(v) if re.fullmatch(r"-?\d+", v) else v
    return [tuple(value(v) for v in line.split("|")) for line in text.splitlines() if line]


def test_recursive_cte_postgresql(cte, psql):
    out = psql(
        "BEGIN;\n" + cte["schema"] + cte["data"]
        + cte["tree"] + "\\echo @@\n" + cte["subtree"] + "\\echo @@\n" + cte["ancestors"]
        + "ROLLBACK;\n"
    ).stdout
    tree, subtree, ancestors = out.split("@@\n")
    assert _psql_rows(tree) == ORG_TREE
    assert _psql_rows(subtree) == SUBTREE_OF_BRUNO
    assert _psql_rows(ancestors) == ANCESTORS_OF_ELI


# --------------------------------------------------------------------------- PHP: singleton


def _php() -> str:
    exe = shutil.which("php")
    if not exe:
        pytest.skip("php not installed")
    return exe


def _php_code(code: str) -> str:
    return code if code.lstrip().startswith("<?php") else "<?php\n" + code


def test_php_singleton_returns_one_instance(tmp_path):
    php = _php()
    modules = subprocess.run([php, "-m"], capture_output=True, text=True).stdout.lower().split()
    if "pdo_sqlite" not in modules:
        pytest.skip("php pdo_sqlite extension not installed")
    code = one(doc("snippet/singleton-db-connection").code("php", "Code"), "php block in ## Code")
    (tmp_path / "Database.php").write_text(code, encoding="utf-8")
    (tmp_path / "check.php").write_text(
        r"""<?php
declare(strict_types=1);
require __DIR__ . '/Database.php';

$out = [];
try {
    Database::getInstance();
} catch (RuntimeException $e) {
    $out['unconfigured'] = $e->getMessage();
}
Database::configure('sqlite::memory:');
$a = Database::getInstance();
$b = Database::getInstance();
$out['same_instance'] = $a === $b;
$out['same_pdo'] = $a->pdo() === $b->pdo();
$out['driver'] = $a->pdo()->getAttribute(PDO::ATTR_DRIVER_NAME);
$out['errmode_exception'] = $a->pdo()->getAttribute(PDO::ATTR_ERRMODE) === PDO::ERRMODE_EXCEPTION;
$out['foreign_keys'] = (int) $a->query('PRAGMA foreign_keys')->fetchColumn();

// Data written through one handle is visible through the other: one connection.
$a->query('CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL)');
$b->query('INSERT INTO users (email) VALUES (?)', ['ada@example.com']);
$out['email'] = Database::getInstance()->query('SELECT email FROM users WHERE id = ?', [1])->fetchColumn();

$out['tx_result'] = $a->transaction(fn (PDO $pdo) => $pdo->exec("INSERT INTO users (email) VALUES ('bob@example.com')"));
try {
    $a->transaction(function (PDO $pdo) {
        $pdo->exec("INSERT INTO users (email) VALUES ('carol@example.com')");
        throw new DomainException('boom');
    });
} catch (DomainException $e) {
    $out['rolled_back'] = (int) $a->query('SELECT COUNT(*) FROM users')->fetchColumn() === 2;
}
try {
    $a->query('SELECT * FROM no_such_table');
} catch (PDOException $e) {
    $out['pdo_exception'] = true;
}
try {
    Database::configure('sqlite::memory:');
} catch (LogicException $e) {
    $out['reconfigure_blocked'] = true;
}
try {
    $c = clone $a;
} catch (Error $e) {
    $out['clone_blocked'] = true;
}
try {
    $d = new Database('sqlite::memory:', null, null, []);
} catch (Error $e) {
    $out['new_blocked'] = true;
}
Database::reset();
$out['new_after_reset'] = Database::getInstance() !== $a;
echo json_encode($out);
""",  # noqa: E501  (PHP kept verbatim)
        encoding="utf-8",
    )
    proc = subprocess.run([php, "-d", "display_errors=stderr", str(tmp_path / "check.php")],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
    out = json.loads(proc.stdout)
    assert "DB_DSN" in out.pop("unconfigured")
    assert out == {
        "same_instance": True, "same_pdo": True, "driver": "sqlite", "errmode_exception": True,
        "foreign_keys": 1, "email": "ada@example.com", "tx_result": 1, "rolled_back": True,
        "pdo_exception": True, "reconfigure_blocked": True, "clone_blocked": True,
        "new_blocked": True, "new_after_reset": True,
    }


def _all_blocks(lang: str) -> list[tuple[str, int, str]]:
    found = []
    for path in entry_files():
        for i, code in enumerate(parse_doc(path).code(lang)):
            found.append((path.relative_to(CORPUS).as_posix(), i, code))
    return found


def test_php_blocks_are_valid_php(tmp_path):
    php = _php()
    blocks = _all_blocks("php")
    assert len(blocks) >= 8
    for name, i, code in blocks:
        file = tmp_path / f"{name.replace('/', '_')}_{i}.php"
        file.write_text(_php_code(code), encoding="utf-8")
        proc = subprocess.run([php, "-l", str(file)], capture_output=True, text=True, timeout=30)
        assert proc.returncode == 0, f"{name} block {i}: {proc.stdout}{proc.stderr}"


def test_pdo_scope_error_messages_are_real(tmp_path):
    php = _php()
    d = doc("error/pdo-conn-scope")
    broken = one([c for c in d.code("php", "Symptom") if "function connect($conn)" in c], "connect() example")
    if "pdo_sqlite" not in subprocess.run([php, "-m"], capture_output=True, text=True).stdout.lower().split():
        pytest.skip("php pdo_sqlite extension not installed")
    # Same code, but connecting to SQLite so no MySQL server is needed: the scope bug is unchanged.
    broken, n = re.subn(r"new PDO\(.*\);", "new PDO('sqlite::memory:');", broken)
    assert n == 1
    file = tmp_path / "broken.php"
    file.write_text(broken, encoding="utf-8")
    proc = subprocess.run(
        [php, "-d", "display_errors=1", "-d", "log_errors=0", "-d", "html_errors=0",
         "-d", "error_reporting=-1", str(file)],
        capture_output=True, text=True, timeout=30,
    )
    output = normalize_message(proc.stdout + proc.stderr)
    assert proc.returncode != 0
    assert normalize_message(d.meta["error_message"]) in output
    php8_fatal = next(v for v in d.meta["message_variants"] if v.startswith("Fatal error: Uncaught Error"))
    assert normalize_message(php8_fatal) in output
    logged = subprocess.run(
        [php, "-d", "display_errors=0", "-d", "log_errors=1", "-d", "error_log=", "-d", "error_reporting=-1",
         str(file)],
        capture_output=True, text=True, timeout=30,
    )
    log_variant = next(v for v in d.meta["message_variants"] if v.startswith("PHP Warning:"))
    assert normalize_message(log_variant) in normalize_message(logged.stderr)


def test_wp_memory_exhausted_message_is_real(tmp_path):
    php = _php()
    d = doc("error/wp-memory-exhausted")
    file = tmp_path / "hog.php"
    file.write_text("<?php\n$chunks = [];\nwhile (true) {\n    $chunks[] = str_repeat('x', 16384);\n}\n")
    proc = subprocess.run(
        [php, "-d", "memory_limit=4M", "-d", "display_errors=0", "-d", "log_errors=1", "-d", "error_log=", str(file)],
        capture_output=True, text=True, timeout=30,
    )
    assert proc.returncode != 0
    assert normalize_message(d.meta["error_message"]) in normalize_message(proc.stderr)
    shown = subprocess.run(
        [php, "-d", "memory_limit=4M", "-d", "display_errors=1", "-d", "log_errors=0", "-d", "html_errors=0",
         str(file)],
        capture_output=True, text=True, timeout=30,
    )
    display_variant = next(v for v in d.meta["message_variants"] if v.startswith("Fatal error:"))
    assert normalize_message(display_variant) in normalize_message(shown.stdout)


# --------------------------------------------------------------------------- JavaScript: useDebounce

# A deliberately tiny hooks runtime that stands in for the 'react' package (no npm download):
# state slots, refs, memo and effects with dependency arrays and cleanups, like React.
MINI_REACT = r"""
let current = null;

function depsChanged(prev, next) {
  return prev === undefined || next === undefined || prev.length !== next.length ||
    prev.some((d, i) => !Object.is(d, next[i]));
}

function slot(init) {
  const inst = current;
  const i = inst.index++;
  if (!(i in inst.hooks)) inst.hooks[i] = init();
  return [inst, inst.hooks[i]];
}

export function useState(initial) {
  const [inst, s] = slot(() => ({ value: typeof initial === 'function' ? initial() : initial }));
  if (!s.set) {
    s.set = (next) => {
      if (inst.unmounted) throw new Error('state update on an unmounted component');
      const value = typeof next === 'function' ? next(s.value) : next;
      if (Object.is(value, s.value)) return;
      s.value = value;
      inst.render();
    };
  }
  return [s.value, s.set];
}

export function useRef(initial) {
  return slot(() => ({ current: initial }))[1];
}

export function useMemo(factory, deps) {
  const [, s] = slot(() => ({ memo: true }));
  if (!('value' in s) || depsChanged(s.deps, deps)) {
    s.value = factory();
    s.deps = deps;
  }
  return s.value;
}

export function useCallback(fn, deps) {
  return useMemo(() => fn, deps);
}

export function useEffect(effect, deps) {
  const [inst, s] = slot(() => ({ effect: true }));
  if (depsChanged(s.deps, deps)) inst.pending.push({ s, effect, deps });
}

export function __renderHook(hook, props) {
  const inst = { hooks: [], index: 0, props, unmounted: false, renders: 0, pending: [] };
  inst.render = () => {
    if (inst.rendering) throw new Error('render during render');
    inst.rendering = true;
    inst.index = 0;
    inst.pending = [];
    const prev = current;
    current = inst;
    try {
      inst.result = hook(inst.props);
    } finally {
      current = prev;
      inst.rendering = false;
    }
    inst.renders += 1;
    const pending = inst.pending;
    for (const p of pending) if (p.s.cleanup) { const c = p.s.cleanup; p.s.cleanup = undefined; c(); }
    for (const p of pending) {
      const cleanup = p.effect();
      p.s.cleanup = typeof cleanup === 'function' ? cleanup : undefined;
      p.s.deps = p.deps;
    }
  };
  inst.render();
  return {
    get result() { return inst.result; },
    get renders() { return inst.renders; },
    rerender(next) { inst.props = next; inst.render(); },
    unmount() {
      for (const s of inst.hooks) if (s.effect && s.cleanup) s.cleanup();
      inst.unmounted = true;
    },
  };
}
"""

DEBOUNCE_HARNESS = r"""
import assert from 'node:assert/strict';
import { __renderHook } from 'react';
import { useDebounce, useDebouncedCallback } from './useDebounce.mjs';

// Fake timers: deterministic time instead of sleeping.
let now = 0;
let nextId = 1;
const timers = new Map();
globalThis.setTimeout = (fn, ms = 0, ...args) => {
  const id = nextId++;
  timers.set(id, { at: now + Math.max(0, ms), fn, args });
  return id;
};
globalThis.clearTimeout = (id) => { timers.delete(id); };
function advance(ms) {
  const end = now + ms;
  for (;;) {
    let due = null;
    for (const [id, t] of timers) if (t.at <= end && (!due || t.at < due[1].at)) due = [id, t];
    if (!due) break;
    timers.delete(due[0]);
    now = due[1].at;
    due[1].fn(...due[1].args);
  }
  now = end;
}

const results = [];

{ // value only updates after `delay` ms without changes; only the last value lands
  const h = __renderHook(({ v, d }) => useDebounce(v, d), { v: 'a', d: 300 });
  assert.equal(h.result, 'a');
  h.rerender({ v: 'ab', d: 300 });
  advance(100);
  h.rerender({ v: 'abc', d: 300 });
  advance(299);
  assert.equal(h.result, 'a');
  assert.equal(timers.size, 1, 'earlier timers were cleared');
  advance(1);
  assert.equal(h.result, 'abc');
  assert.equal(h.renders, 4, 'exactly one debounced update');
  assert.equal(timers.size, 0);
  h.rerender({ v: 'abcd', d: 300 });
  h.unmount();
  assert.equal(timers.size, 0, 'unmount clears the pending timer');
  advance(1000); // would throw on a state update after unmount
  results.push('useDebounce');
}

{ // changing the delay restarts the wait
  const h = __renderHook(({ v, d }) => useDebounce(v, d), { v: 'x', d: 100 });
  h.rerender({ v: 'y', d: 100 });
  advance(50);
  h.rerender({ v: 'y', d: 500 });
  advance(100);
  assert.equal(h.result, 'x');
  advance(400);
  assert.equal(h.result, 'y');
  results.push('delay-change');
}

{ // callback: stable identity, one call with the last arguments, latest callback, cancel, unmount
  const calls = [];
  const h = __renderHook(({ cb }) => useDebouncedCallback(cb, 200), { cb: (x) => calls.push(['first', x]) });
  const fn = h.result;
  fn(1); advance(100); fn(2); advance(100); fn(3);
  assert.deepEqual(calls, []);
  h.rerender({ cb: (x) => calls.push(['second', x]) });
  assert.equal(h.result, fn, 'same function across renders');
  advance(199);
  assert.deepEqual(calls, []);
  advance(1);
  assert.deepEqual(calls, [['second', 3]]);
  fn(4); fn.cancel(); advance(1000);
  assert.equal(calls.length, 1, 'cancel() drops the pending call');
  fn(5); h.unmount(); advance(1000);
  assert.equal(calls.length, 1, 'unmount drops the pending call');
  results.push('useDebouncedCallback');
}

console.log(JSON.stringify(results));
"""


def _node() -> str:
    exe = shutil.which("node")
    if not exe:
        pytest.skip("node not installed")
    return exe


def test_use_debounce_hook_runs(tmp_path):
    node = _node()
    code = one(doc("snippet/use-debounce-hook").code("javascript", "Code"), "javascript block in ## Code")
    assert "<" not in re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.S).replace("<=", ""), "hook must not use JSX"
    (tmp_path / "useDebounce.mjs").write_text(code, encoding="utf-8")
    check = subprocess.run([node, "--check", str(tmp_path / "useDebounce.mjs")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    react = tmp_path / "node_modules" / "react"
    react.mkdir(parents=True)
    (react / "package.json").write_text('{"name": "react", "version": "0.0.0-test", "type": "module", '
                                        '"main": "index.js"}')
    (react / "index.js").write_text(MINI_REACT, encoding="utf-8")
    (tmp_path / "harness.mjs").write_text(DEBOUNCE_HARNESS, encoding="utf-8")
    proc = subprocess.run([node, str(tmp_path / "harness.mjs")], cwd=tmp_path, capture_output=True, text=True,
                          timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == ["useDebounce", "delay-change", "useDebouncedCallback"]


def test_react_undefined_state_message_is_real(tmp_path):
    node = _node()
    d = doc("error/react-undefined-state")
    proc = subprocess.run([node, "-e", "let data; data.map((x) => x);"], capture_output=True, text=True, timeout=30)
    assert d.meta["error_message"] in proc.stderr
    proc = subprocess.run([node, "-e", "let data = null; data.map((x) => x);"], capture_output=True, text=True,
                          timeout=30)
    assert "TypeError: Cannot read properties of null (reading 'map')" in d.meta["message_variants"]
    assert "TypeError: Cannot read properties of null (reading 'map')" in proc.stderr


def test_javascript_blocks_parse(tmp_path):
    node = _node()
    blocks = _all_blocks("javascript") + _all_blocks("js")
    assert blocks
    for name, i, code in blocks:
        file = tmp_path / f"{name.replace('/', '_')}_{i}.mjs"
        file.write_text(code, encoding="utf-8")
        proc = subprocess.run([node, "--check", str(file)], capture_output=True, text=True, timeout=30)
        assert proc.returncode == 0, f"{name} block {i}: {proc.stderr}"


# --------------------------------------------------------------------------- error entries: Python, shell, SQL


def test_python_blocks_compile():
    blocks = _all_blocks("python")
    assert len(blocks) >= 3
    for name, i, code in blocks:
        compile(code, f"{name}[{i}]", "exec")


def test_shell_blocks_are_valid_bash():
    bash = shutil.which("bash")
    if not bash:
        pytest.skip("bash not installed")
    blocks = _all_blocks("bash") + _all_blocks("sh") + _all_blocks("shell")
    assert blocks
    for name, i, code in blocks:
        proc = subprocess.run([bash, "-n"], input=code, capture_output=True, text=True, timeout=30)
        assert proc.returncode == 0, f"{name} block {i}: {proc.stderr}"


def test_venv_fix_activates_the_venv_interpreter(tmp_path):
    """The venv entry's claims: activation puts .venv/bin/python first, and a fresh venv
    does not see packages installed elsewhere (the exact error_message)."""
    bash = shutil.which("bash")
    if not bash:
        pytest.skip("bash not installed")
    d = doc("error/venv-module-not-found")
    fix = d.sections["Fix"]
    for command in ("source .venv/bin/activate", "which python", "python -m pip install"):
        assert command in fix
    venv_dir = tmp_path / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv_dir)], check=True, timeout=120)
    proc = subprocess.run(
        [bash, "-c", "source .venv/bin/activate && which python && python -c "
                     "'import sys; print(sys.prefix != sys.base_prefix)' && python -c 'import requests'"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")},
    )
    lines = proc.stdout.splitlines()
    assert Path(lines[0]).parent.resolve() == (venv_dir / "bin").resolve()  # not the symlink target
    assert lines[1] == "True"
    assert proc.returncode != 0
    assert proc.stderr.strip().splitlines()[-1] == d.meta["error_message"]


@pytest.fixture()
def fk():
    d = doc("error/fk-insert-order")
    symptom = one(d.code("sql", "Symptom"), "schema block in ## Symptom")
    fix_blocks = d.code("sql", "Fix")
    statements = sql_statements(symptom)
    return {
        "doc": d,
        "schema": [s for s in statements if s.upper().startswith("CREATE")],
        "bad_insert": one([s for s in statements if s.upper().startswith("INSERT")], "failing insert"),
        "parent_first": one([b for b in fix_blocks if b.lstrip().startswith("BEGIN;")], "parent-first block"),
        "mysql_bulk": one([b for b in fix_blocks if "FOREIGN_KEY_CHECKS" in b], "MySQL bulk block"),
        "pg_deferred": one([b for b in fix_blocks if "DEFERRABLE" in b], "PostgreSQL deferred block"),
    }


def test_fk_insert_order_sqlite(fk):
    con = sqlite3.connect(":memory:", isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    for stmt in fk["schema"]:
        con.execute(stmt)
    with pytest.raises(sqlite3.IntegrityError) as excinfo:
        con.execute(fk["bad_insert"])
    message = f"{type(excinfo.value).__module__}.{type(excinfo.value).__name__}: {excinfo.value}"
    assert message in fk["doc"].meta["message_variants"]
    assert con.execute("SELECT COUNT(*) FROM order_items").fetchone() == (0,)

    con.executescript(fk["parent_first"])  # the fix: parent first, one transaction
    assert con.execute("SELECT order_id, sku FROM order_items ORDER BY id").fetchall() == [(42, "ABC-1"), (42, "XYZ-9")]

    orphan_query = one([s for s in sql_statements(fk["mysql_bulk"]) if s.upper().startswith("SELECT")], "orphan query")
    assert con.execute(orphan_query).fetchall() == []
    con.execute("PRAGMA foreign_keys = OFF")  # like a bulk load with checks disabled
    con.execute("INSERT INTO order_items (id, order_id, sku, qty) VALUES (3, 99, 'LOST-1', 1)")
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute(orphan_query).fetchall() == [(3, 99)]
    assert con.execute("PRAGMA foreign_key_check").fetchall()  # the SQLite check the entry mentions


def test_fk_insert_order_postgresql(fk, psql):
    schema = ";\n".join(fk["schema"]) + ";\n"
    failed = psql("BEGIN;\n" + schema + fk["bad_insert"] + ";\nROLLBACK;\n", check=False)
    variant = next(v for v in fk["doc"].meta["message_variants"] if v.startswith("ERROR:  insert or update"))
    assert variant in failed.stderr
    out = psql(schema + fk["pg_deferred"]
               + "SELECT o.id, i.sku FROM orders o JOIN order_items i ON i.order_id = o.id;\n"
               + "DROP TABLE order_items; DROP TABLE orders;\n").stdout
    assert _psql_rows(out) == [(42, "ABC-1")]

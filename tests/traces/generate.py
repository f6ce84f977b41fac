#!/usr/bin/env python3
"""Run the broken programs under tests/traces/programs/ and capture what the tools print.

Each case is a folder programs/<ecosystem>/<case>/ holding the program files and a case.json with
how to run it and its labels.  The program files are copied to the case's ``workdir`` (a realistic
location such as /home/ana/src/stockbot, so paths in the output look like a developer's own), the
command runs there with the real tool, stdout and stderr are captured through one pipe exactly as
printed, and the staged copy is removed again.  Nothing in the captured text is edited.

Usage:
    python tests/traces/generate.py [--only ECOSYSTEM[,ECOSYSTEM]] [--case ID] [--check]

Output: one file per ecosystem, cases/<ecosystem>.jsonl (other files in cases/ belong to the
generators under examples/ and are not touched).

--only    regenerate only these ecosystems; the other ecosystems' files are kept.
--case    regenerate one case id (e.g. python-flask-none-discount); may be repeated.
--check   re-run and report cases whose output changed in more than paths and numbers; writes nothing,
          exits 1 when something changed.

Stdlib only.  See README.md next to this file for the tools to install.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
CASES_DIR = HERE / "cases"  # cases/<ecosystem>.jsonl, one file per folder of programs/
NODE_DIR = HERE / "node"
LIBS_VENV = HERE / ".venv"  # flask, django, pymysql, mysql-connector-python, psycopg, pytest
BARE_VENV = HERE / ".venv-bare"  # an empty venv: the "pip installed it globally" case
STAGE_MARKER = ".khub-trace-stage"
DEFAULT_TIMEOUT = 120

LIBS_REQUIREMENTS = [
    "flask",
    "django<6",
    "pytest",
    "pymysql",
    "mysql-connector-python",
    "psycopg[binary]",
]


def sh(cmd: list[str] | str, timeout: int = 60, **kw) -> tuple[int, str]:
    """Run a helper command; return (exit code, combined output). Never raises."""
    try:
        proc = subprocess.run(
            cmd,
            shell=isinstance(cmd, str),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            **kw,
        )
        return proc.returncode, proc.stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError) as exc:
        return 127, str(exc)


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


# ---------------------------------------------------------------------------------------------
# Tools: each probe returns a version string as the tool reports it, or None when it is missing.
# ---------------------------------------------------------------------------------------------


def _version(cmd: list[str], pattern: str | None = None) -> str | None:
    if shutil.which(cmd[0]) is None and not Path(cmd[0]).exists():
        return None
    code, out = sh(cmd)
    if code != 0 and not out:
        return None
    if pattern:
        m = re.search(pattern, out)
        return m.group(0) if m else None
    return first_line(out) or None


def _venv_lib(dist: str) -> str | None:
    py = LIBS_VENV / "bin" / "python"
    if not py.exists():
        return None
    code, out = sh([str(py), "-c", f"import importlib.metadata as m; print(m.version({dist!r}))"])
    return out.strip() if code == 0 else None


def _node_pkg(name: str) -> str | None:
    pkg = NODE_DIR / "node_modules" / name / "package.json"
    if not pkg.exists():
        return None
    try:
        return json.loads(pkg.read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None


def _tsc(pkg: str) -> str | None:
    if shutil.which("node") is None:
        return None
    entry = NODE_DIR / "node_modules" / pkg / "bin" / "tsc"
    if not entry.exists():
        return None
    v = _version(["node", str(entry), "--version"], r"Version \S+")
    return v.split()[-1] if v else None


def _with(base: str | None, extra: str | None, fmt: str) -> str | None:
    if base is None or extra is None:
        return None
    return fmt.format(base=base, extra=extra)


PROBES = {
    "python": lambda: _version(["python3", "--version"]),
    "python-debian": lambda: _with(_version(["/usr/bin/python3", "--version"]), "", "{base} (Debian /usr/bin/python3)"),
    "venv": lambda: ("" if (BARE_VENV / "bin" / "python").exists() else None),
    "flask": lambda: _with(_venv_lib("flask"), _venv_lib("werkzeug"), "Flask {base} / Werkzeug {extra}"),
    "django": lambda: _with(_venv_lib("django"), "", "Django {base}"),
    "pytest": lambda: _with(_venv_lib("pytest"), "", "pytest {base}"),
    "pymysql": lambda: _with(_venv_lib("pymysql"), "", "PyMySQL {base}"),
    "mysql-connector": lambda: _with(_venv_lib("mysql-connector-python"), "", "mysql-connector-python {base}"),
    "psycopg": lambda: _with(_venv_lib("psycopg"), "", "psycopg {base}"),
    "node": lambda: _with(_version(["node", "--version"]), "", "node {base}"),
    "express": lambda: _with(_node_pkg("express"), "", "express {base}"),
    "mysql2": lambda: _with(_node_pkg("mysql2"), "", "mysql2 {base}"),
    "pg": lambda: _with(_node_pkg("pg"), "", "node-postgres (pg) {base}"),
    "tsc": lambda: _with(_tsc("typescript"), "", "tsc {base}"),
    "tsc7": lambda: _with(_tsc("typescript7"), "", "tsc {base}"),
    "playwright": lambda: _with(_node_pkg("playwright-core"), "", "playwright-core {base}"),
    "chromium": lambda: _version(["chromium", "--version"], r"Chromium \S+"),
    "firefox": lambda: _version(["firefox-esr", "--version"], r"Mozilla Firefox \S+"),
    "php": lambda: _version(["php", "-r", "echo 'PHP ', PHP_VERSION, PHP_EOL;"]),
    "php-pdo-mysql": lambda: ("pdo_mysql" if "pdo_mysql" in sh(["php", "-m"])[1] else None),
    "php-pdo-pgsql": lambda: ("pdo_pgsql" if "pdo_pgsql" in sh(["php", "-m"])[1] else None),
    "cargo": lambda: _with(
        _version(["cargo", "--version"], r"cargo \S+"), _version(["rustc", "--version"], r"rustc \S+"),
        "{base} / {extra}"
    ),
    "go": lambda: _version(["go", "version"], r"go\d\S*"),
    "javac": lambda: _version(["javac", "-version"]),
    "java": lambda: _version(["java", "-version"], r'openjdk version "[^"]+"'),
    "mono": lambda: _version(["mono", "--version"], r"Mono JIT compiler version \S+"),
    "mcs": lambda: _version(["mcs", "--version"]),
    "xvfb": lambda: ("xvfb-run" if shutil.which("xvfb-run") else None),
    "mariadb-client": lambda: _with(_version(["mariadb", "--version"], r"(?<=Distrib )[^,]+"), "",
                                    "mariadb client {base}"),
    "psql": lambda: _version(["psql", "--version"]),
    "php-mysqli": lambda: ("mysqli" if "mysqli" in sh(["php", "-m"])[1] else None),
    "curl": lambda: _version(["curl", "--version"], r"curl \S+"),
    "valgrind": lambda: _version(["valgrind", "--version"]),
    "gcc": lambda: _version(["gcc", "--version"]),
    "g++": lambda: _version(["g++", "--version"]),
    "ruby": lambda: _version(["ruby", "--version"], r"ruby \S+"),
    "bash": lambda: _version(["bash", "--version"], r"GNU bash, version \S+"),
    "dash": lambda: ("dash (/bin/sh)" if os.path.realpath("/bin/sh").endswith("dash") else None),
    "git": lambda: _version(["git", "--version"], r"git version \S+"),
    "make": lambda: _version(["make", "--version"], r"GNU Make \S+"),
    "pip": lambda: _with(_version(["python3", "-m", "pip", "--version"], r"pip \S+"),
                         _version(["python3", "--version"]), "{base} ({extra})"),
    "pip-debian": lambda: _with(_version(["/usr/bin/pip", "--version"], r"pip \S+"), "",
                                "{base} (Debian /usr/bin/pip)"),
    "npm": lambda: _with(_version(["npm", "--version"]), "", "npm {base}"),
}

# What an ecosystem needs before any of its cases can run, and how to say it is missing.
ECOSYSTEM_NEEDS = {
    "python": ["python"],
    "javascript": ["node"],
    "browser": [],  # chromium, firefox and playwright are checked per case
    "php": ["php"],
    "typescript": ["node", "tsc"],
    "rust": ["cargo"],
    "go": ["go"],
    "java": ["javac", "java"],
    "dotnet": ["mono", "mcs"],
    "mariadb": ["mariadb-client"],
    "postgresql": ["psql"],
    "c": ["gcc"],
    "ruby": ["ruby"],
    "shell": ["bash"],
    "git": ["git"],
    "pip": ["pip"],
    "npm": ["node", "npm"],
    "make": ["make"],
}

_probe_cache: dict[str, str | None] = {}


def tool_version(name: str) -> str | None:
    if name not in _probe_cache:
        probe = PROBES.get(name)
        try:
            _probe_cache[name] = probe() if probe else None
        except Exception as exc:  # a broken probe must not stop the run
            print(f"  probe {name} failed: {exc}", file=sys.stderr)
            _probe_cache[name] = None
    return _probe_cache[name]


# ---------------------------------------------------------------------------------------------
# Services and shared environments
# ---------------------------------------------------------------------------------------------


def ensure_mariadb() -> str | None:
    """Make sure a MariaDB server answers and the bootstrap users exist. Return a reason on failure."""
    if shutil.which("mysqladmin") is None:
        return "mysqladmin not found (apt-get install mariadb-server mariadb-client)"
    if sh(["mysqladmin", "ping"])[0] != 0:
        print("  starting mariadb (service mariadb start)")
        sh(["service", "mariadb", "start"], timeout=120)
        for _ in range(30):
            if sh(["mysqladmin", "ping"])[0] == 0:
                break
            time.sleep(1)
        else:
            return "MariaDB server is not running and could not be started"
    boot = PROGRAMS / "mariadb" / "_bootstrap.sql"
    if boot.exists():
        code, out = sh(f"mysql < '{boot}'")
        if code != 0:
            return f"bootstrap failed: {out.strip()}"
    return None


def ensure_postgresql() -> str | None:
    if shutil.which("pg_isready") is None:
        return "pg_isready not found (apt-get install postgresql)"
    if sh(["pg_isready", "-q"])[0] != 0:
        code, out = sh(["pg_lsclusters", "-h"])
        clusters = [line.split()[:2] for line in out.splitlines() if line.strip()] if code == 0 else []
        for ver, name in clusters:
            print(f"  starting postgresql cluster {ver}/{name}")
            sh(["pg_ctlcluster", ver, name, "start"], timeout=120)
        for _ in range(30):
            if sh(["pg_isready", "-q"])[0] == 0:
                break
            time.sleep(1)
        else:
            return "PostgreSQL server is not running and could not be started"
    boot = PROGRAMS / "postgresql" / "_bootstrap.sql"
    if boot.exists():
        code, out = sh(["runuser", "-u", "postgres", "--", "psql", "-q", "-v", "ON_ERROR_STOP=0", "-f", str(boot)],
                       cwd="/")
        if code != 0:
            return f"bootstrap failed: {out.strip()}"
    return None


def ensure_bare_venv() -> str | None:
    if (BARE_VENV / "bin" / "python").exists():
        return None
    code, out = sh(["python3", "-m", "venv", "--without-pip", str(BARE_VENV)], timeout=120)
    return None if code == 0 else f"could not create {BARE_VENV}: {out.strip()}"


def ensure_libs_venv() -> str | None:
    py = LIBS_VENV / "bin" / "python"
    if py.exists():
        return None
    print(f"  creating {LIBS_VENV} with {', '.join(LIBS_REQUIREMENTS)}")
    code, out = sh(["python3", "-m", "venv", str(LIBS_VENV)], timeout=300)
    if code == 0:
        code, out = sh([str(py), "-m", "pip", "install", "-q", *LIBS_REQUIREMENTS], timeout=900)
    _probe_cache.clear()
    return None if code == 0 else f"could not set up {LIBS_VENV}: {out.strip()[-400:]}"


SERVICE_SETUP = {
    "mariadb": ensure_mariadb,
    "postgresql": ensure_postgresql,
}


# ---------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------


@dataclass
class Case:
    ecosystem: str
    name: str
    folder: Path
    spec: dict

    @property
    def id(self) -> str:
        return f"{self.ecosystem}-{self.name}"


def load_cases() -> list[Case]:
    cases = []
    for eco_dir in sorted(p for p in PROGRAMS.iterdir() if p.is_dir() and not p.name.startswith("_")):
        for case_dir in sorted(p for p in eco_dir.iterdir() if p.is_dir() and not p.name.startswith("_")):
            spec_file = case_dir / "case.json"
            if not spec_file.exists():
                print(f"  {eco_dir.name}/{case_dir.name}: no case.json, skipped")
                continue
            try:
                spec = json.loads(spec_file.read_text())
            except ValueError as exc:
                print(f"  {eco_dir.name}/{case_dir.name}: bad case.json ({exc}), skipped")
                continue
            cases.append(Case(eco_dir.name, case_dir.name, case_dir, spec))
    return cases


def _hardlink_tree(src: Path, dst: Path) -> None:
    def link_or_copy(s, d):
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)

    shutil.copytree(src, dst, symlinks=True, copy_function=link_or_copy)


def stage(case: Case) -> Path:
    """Copy the case's files to its workdir; return the workdir."""
    workdir = Path(case.spec.get("workdir") or f"/home/dev/{case.name}")
    if workdir.exists():
        if not (workdir / STAGE_MARKER).exists():
            raise RuntimeError(f"{workdir} exists and was not staged by this script; refusing to touch it")
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    (workdir / STAGE_MARKER).write_text("staged by tests/traces/generate.py; removed after the run\n")
    for item in case.folder.iterdir():
        if item.name == "case.json":
            continue
        target = workdir / item.name
        if item.is_dir():
            shutil.copytree(item, target, symlinks=True)
        else:
            shutil.copy2(item, target)
    for name, what in (case.spec.get("links") or {}).items():
        target = workdir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if what == "@libs-venv":
            target.symlink_to(LIBS_VENV)
        elif what == "@bare-venv":
            target.symlink_to(BARE_VENV)
        elif what == "@node_modules":
            _hardlink_tree(NODE_DIR / "node_modules", target)
        else:
            raise RuntimeError(f"unknown link {what!r}")
    return workdir


def unstage(workdir: Path) -> None:
    if (workdir / STAGE_MARKER).exists():
        shutil.rmtree(workdir, ignore_errors=True)
        # Remove parents we created that are now empty (e.g. /home/ana/src), never /home itself.
        parent = workdir.parent
        while parent not in (Path("/"), Path("/home"), Path("/srv"), Path("/var/www"), Path("/opt"), Path("/tmp")):
            try:
                parent.rmdir()
            except OSError:
                break
            parent = parent.parent


# CA bundles the tools need to reach the package registries; they do not change what the tools print.
KEEP_ENV = {"NODE_EXTRA_CA_CERTS", "PIP_CERT", "GIT_SSL_CAINFO"}


def case_env(case: Case, workdir: Path) -> dict:
    env = dict(os.environ)
    for key in list(env):
        # Keep the captured text free of colours and hints that the session's own shell may set.
        if key.startswith(("PYTHON", "NODE_", "CARGO_TERM", "FORCE_COLOR", "NO_COLOR", "CLICOLOR", "VIRTUAL_ENV",
                           "RUST_BACKTRACE", "RUST_LIB_BACKTRACE", "RUST_LOG", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
                           "GIT_", "PIP_", "npm_config_", "NPM_CONFIG_", "ASAN_OPTIONS", "UBSAN_OPTIONS",
                           "LSAN_OPTIONS", "RUBYOPT", "GEM_", "BUNDLE_", "MAKEFLAGS", "MFLAGS")):
            if key not in KEEP_ENV:
                env.pop(key)
    env.update(
        {
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color" if case.spec.get("pty") else "dumb",
            "PYTHONUNBUFFERED": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "PWD": str(workdir),
            "PATH": f"{workdir / 'node_modules' / '.bin'}:{env.get('PATH', '/usr/bin:/bin')}",
            "GOFLAGS": "-mod=mod",
            "GOPROXY": "off",
            "GOTOOLCHAIN": "local",
            "GOCACHE": str(HERE / ".cache" / "go-build"),
            "CARGO_TARGET_DIR": str(workdir / "target"),
            "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
        }
    )
    env.update(case.spec.get("env") or {})
    return env


def run_case(case: Case) -> tuple[dict | None, str | None]:
    """Run one case. Return (record, None) or (None, reason it was skipped or failed)."""
    spec = case.spec
    tools = spec.get("tools") or []
    versions = []
    for tool in tools:
        v = tool_version(tool)
        if v is None:
            return None, f"tool {tool!r} is not available"
        if v:
            versions.append(v)
    run = spec.get("run")
    if not run:
        return None, "case.json has no 'run'"
    try:
        workdir = stage(case)
    except (OSError, RuntimeError) as exc:
        return None, f"could not stage: {exc}"
    try:
        env = case_env(case, workdir)
        timeout = int(spec.get("timeout", DEFAULT_TIMEOUT))
        if spec.get("setup"):
            code, out = sh(["bash", "-c", spec["setup"]], timeout=timeout, cwd=workdir, env=env)
            if code != 0:
                return None, f"setup failed ({code}): {out.strip()[-500:]}"
        stdin_name = spec.get("stdin")
        stdin = open(workdir / stdin_name, "rb") if stdin_name else subprocess.DEVNULL
        try:
            if spec.get("pty"):
                # `script` gives the command a real terminal: colours, prompts and CRLF line ends as seen.
                argv = ["script", "-qefc", run, "/dev/null"]
            else:
                argv = ["bash", "-c", run]
            proc = subprocess.run(
                argv, cwd=workdir, env=env, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                timeout=timeout,
            )
        finally:
            if stdin_name:
                stdin.close()
        text = proc.stdout.decode("utf-8", "replace")
        if not text.strip():
            return None, f"no output (exit {proc.returncode})"
        if proc.returncode == 0 and not spec.get("exit_zero_ok"):
            return None, f"exit code 0: the program did not fail\n{text[-800:]}"
        record = {
            "id": case.id,
            "ecosystem": case.ecosystem,
            "tool": " + ".join(versions),
            "text": text,
            "relevant": list(spec.get("relevant") or []),
            "grades": dict(spec.get("grades") or {}),
            "in_archive": bool(spec.get("in_archive")),
            "note": spec.get("note", ""),
        }
        return record, None
    except subprocess.TimeoutExpired:
        return None, f"timed out after {spec.get('timeout', DEFAULT_TIMEOUT)} s"
    except OSError as exc:
        return None, f"could not run: {exc}"
    finally:
        if spec.get("teardown"):
            sh(["bash", "-c", spec["teardown"]], timeout=60, cwd=workdir if workdir.exists() else "/")
        unstage(workdir)


def archive_ids() -> set[str] | None:
    """Ids of the archive entries (public corpus + the hub's corpus/), or None when the corpus is not found."""
    ids: set[str] = set()
    shared = Path(os.environ.get("KHUB_SHARED", HERE.parents[2] / "shared"))
    if not shared.exists():
        shared = Path("/work/shared")
    public = shared / "corpus-public" / "entries.jsonl"
    if public.exists():
        with public.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    ids.add(json.loads(line)["id"])
    for md in (HERE.parents[1] / "corpus").glob("*/*.md"):
        m = re.search(r"^id:\s*(\S+)", md.read_text(encoding="utf-8"), re.M)
        if m:
            ids.add(m.group(1))
    return ids or None


_ARCHIVE_IDS: set[str] | None = None
_ARCHIVE_LOADED = False


def validate_labels(case: Case) -> list[str]:
    global _ARCHIVE_IDS, _ARCHIVE_LOADED
    if not _ARCHIVE_LOADED:
        _ARCHIVE_IDS, _ARCHIVE_LOADED = archive_ids(), True
    spec = case.spec
    problems = []
    if _ARCHIVE_IDS is not None:
        for eid in spec.get("relevant") or []:
            if eid not in _ARCHIVE_IDS:
                problems.append(f"unknown archive id {eid}")
    rel = spec.get("relevant") or []
    grades = spec.get("grades") or {}
    if set(rel) != set(grades):
        problems.append("relevant and grades disagree")
    if any(g not in (1, 2) for g in grades.values()):
        problems.append("grades must be 1 or 2")
    if bool(spec.get("in_archive")) != bool(rel):
        problems.append("in_archive must be true exactly when relevant is non-empty")
    if "in_archive" not in spec:
        problems.append("in_archive missing")
    return problems


# ---------------------------------------------------------------------------------------------
# --check: compare ignoring paths and numbers
# ---------------------------------------------------------------------------------------------

_PATH_RE = re.compile(r"(?:[A-Za-z]:)?(?:[\w.~-]*[/\\])+[\w.@<>-]*")
_HEX_RE = re.compile(r"0x[0-9a-fA-F]+")
_NUM_RE = re.compile(r"\d+")


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n")
    text = _HEX_RE.sub("0x0", text)
    text = _PATH_RE.sub("<path>", text)
    text = _NUM_RE.sub("0", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def program_ecosystems() -> list[str]:
    return sorted(p.name for p in PROGRAMS.iterdir() if p.is_dir() and not p.name.startswith("_"))


def read_existing() -> dict[str, dict]:
    out = {}
    for ecosystem in program_ecosystems():
        path = CASES_DIR / f"{ecosystem}.jsonl"
        if path.exists():
            for line in path.read_text().splitlines():
                if line.strip():
                    rec = json.loads(line)
                    out[rec["id"]] = rec
    return out


def write_cases(records: dict[str, dict]) -> None:
    """One file per ecosystem, cases sorted by id (stable diffs)."""
    CASES_DIR.mkdir(exist_ok=True)
    for ecosystem in program_ecosystems():
        mine = [records[cid] for cid in sorted(records) if records[cid]["ecosystem"] == ecosystem]
        path = CASES_DIR / f"{ecosystem}.jsonl"
        if mine:
            path.write_text("".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in mine), encoding="utf-8")
        elif path.exists():
            path.unlink()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="comma-separated ecosystems to run")
    ap.add_argument("--case", action="append", default=[], help="a case id to run (repeatable)")
    ap.add_argument("--check", action="store_true", help="re-run and report changed outputs; write nothing")
    ap.add_argument("--print", action="store_true", help="print each captured text (for writing labels)")
    args = ap.parse_args(argv)

    only = {e.strip() for e in args.only.split(",")} if args.only else None
    cases = load_cases()
    if only:
        unknown = only - {c.ecosystem for c in cases}
        if unknown:
            print(f"no cases for: {', '.join(sorted(unknown))}")
        cases = [c for c in cases if c.ecosystem in only]
    if args.case:
        cases = [c for c in cases if c.id in set(args.case)]

    existing = read_existing()
    results: dict[str, dict] = {}
    skipped: list[tuple[str, str]] = []
    label_problems = []

    for c in cases:
        for p in validate_labels(c):
            label_problems.append(f"{c.id}: {p}")

    by_eco: dict[str, list[Case]] = {}
    for c in cases:
        by_eco.setdefault(c.ecosystem, []).append(c)

    for eco, eco_cases in by_eco.items():
        print(f"== {eco} ({len(eco_cases)} cases)")
        missing = [t for t in ECOSYSTEM_NEEDS.get(eco, []) if tool_version(t) is None]
        if missing:
            reason = f"missing tool(s): {', '.join(missing)}"
            print(f"  skipping {eco}: {reason}")
            skipped.extend((c.id, reason) for c in eco_cases)
            continue
        needs = {t for c in eco_cases for t in c.spec.get("tools") or []}
        if needs & {"flask", "django", "pytest", "pymysql", "mysql-connector", "psycopg"}:
            _probe_cache.clear()
            reason = ensure_libs_venv()
            if reason:
                print(f"  {reason}")
        if "venv" in needs:
            reason = ensure_bare_venv()
            if reason:
                print(f"  {reason}")
        if eco in SERVICE_SETUP:
            reason = SERVICE_SETUP[eco]()
            if reason:
                print(f"  skipping {eco}: {reason}")
                skipped.extend((c.id, reason) for c in eco_cases)
                continue
        # A case of another ecosystem may need a database too (case.json "services": ["mariadb"]).
        service_failed: dict[str, str] = {}
        for svc in sorted({s for c in eco_cases for s in c.spec.get("services") or []} - {eco}):
            setup = SERVICE_SETUP.get(svc)
            reason = setup() if setup else f"unknown service {svc!r}"
            if reason:
                print(f"  service {svc}: {reason}")
                service_failed[svc] = reason
        for c in eco_cases:
            failed = [service_failed[s] for s in c.spec.get("services") or [] if s in service_failed]
            if failed:
                print(f"  SKIP {c.id}: {failed[0]}")
                skipped.append((c.id, failed[0]))
                continue
            t0 = time.time()
            try:
                record, reason = run_case(c)
            except Exception as exc:  # one broken case must not stop the others
                record, reason = None, f"crashed: {exc!r}"
            if record is None:
                print(f"  SKIP {c.id}: {reason}")
                skipped.append((c.id, reason))
                continue
            results[c.id] = record
            if args.print:
                print(record["text"])
            print(f"  ok   {c.id} ({time.time() - t0:.1f}s, {len(record['text'])} chars)")

    if label_problems:
        print("label problems:")
        for p in label_problems:
            print("  " + p)

    if args.check:
        changed = 0
        for cid, rec in sorted(results.items()):
            old = existing.get(cid)
            if old is None:
                print(f"NEW      {cid}")
                changed += 1
            elif normalise(old["text"]) != normalise(rec["text"]):
                print(f"CHANGED  {cid}")
                changed += 1
        print(f"{len(results)} re-run, {changed} changed beyond paths/numbers, {len(skipped)} skipped")
        return 1 if changed else 0

    merged = dict(existing) if (only or args.case) else {}
    merged.update(results)
    if not (only or args.case):
        # A full run that skipped a case keeps its previous capture rather than dropping it.
        for cid, _ in skipped:
            if cid in existing:
                merged[cid] = existing[cid]
    # Labels always come from the case.json files, so relabelling needs no re-run.
    spec_by_id = {c.id: c.spec for c in load_cases()}
    for cid, rec in list(merged.items()):
        spec = spec_by_id.get(cid)
        if spec is None:
            del merged[cid]
            continue
        rec["relevant"] = list(spec.get("relevant") or [])
        rec["grades"] = dict(spec.get("grades") or {})
        rec["in_archive"] = bool(spec.get("in_archive"))
        rec["note"] = spec.get("note", "")
    write_cases(merged)
    print(f"wrote {len(merged)} cases to {CASES_DIR.relative_to(HERE.parent.parent)}/<ecosystem>.jsonl; "
          f"{len(results)} captured now, {len(skipped)} skipped")
    for cid, reason in skipped:
        print(f"  skipped {cid}: {reason.splitlines()[0] if reason else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

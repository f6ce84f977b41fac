#!/usr/bin/env python3
"""Capture real Python error outputs at scale and label them with the archive entries that explain them.

Writes tests/traces/cases/python-examples.jsonl, one JSON object per line:
    {"id", "ecosystem": "python", "tool", "text", "relevant", "grades", "in_archive", "note", "program"}

Three kinds of programs (``--only`` selects among them):

written   programs under examples/python/<case>/ (files + case.json), staged at a realistic workdir
          (/home/<user>/..., /srv/..., /opt/...), run with the real interpreter and libraries, removed again.
oneline   the same layout (examples/python/oneline-*/): errors that print one line and no traceback
          (python3 -m nosuchmodule, python3 missing.py, python3 -c with a syntax error, pip errors, ...).
friendly  the test programs of the friendly-traceback project (tests/runtime/test_*.py: every try block of every
          test function; tests/syntax/*.py: every file), whose CPython output the archive's
          friendly-traceback/* entries were made from. Their code is not in this repository: pass a checkout (or
          a bare git directory) with --friendly-traceback PATH or KHUB_FRIENDLY_TRACEBACK=PATH. Each runtime
          block is run with plain CPython: the block's except clause is disabled (``except () as e:``, same
          line numbers), the statements of the test function before the block that only feed friendly are
          blanked, ``import friendly`` is blanked, and the file's own ``if __name__ == "__main__":`` hook calls
          the test function; the file runs as ``python3 -m tests.runtime.test_xxx`` from the project root.

Nothing in a captured text is edited. A case whose output does not show the intended error (``expect`` in
case.json, or the archive message for a friendly program) is reported and not written: fix the program.

Labels (grades 2/1, see the README next to generate.py) are computed from what the program raises and from
the archive (../shared/corpus-public/entries.jsonl + corpus/): for the exception type T that the case names
("exc"), every friendly-traceback/* entry of type T is graded 2 when its message has the same form as the
output's (quoted values, numbers, operators and paths abstracted; a "Did you mean" suffix kept) and 1
otherwise; python-exceptions/T is 1 when friendly entries of T exist and 2 when it is the only entry for T.
For the SyntaxError family only same-form entries are labelled (a bare "invalid syntax" is never same-form)
plus python-exceptions/T. "parents" adds python-exceptions/<Parent> at grade 1 (a subclass without an entry
of its own: json.JSONDecodeError -> ValueError), "more" adds secondary types of a chained output at grade 1,
"also" adds or overrides any entry (hub entries, python-faq, mdn-http-status; grade 0 removes one). A case
with "grades" is labelled exactly so. Labels are recomputed on every write, so relabelling needs no re-run.

Usage:
    python tests/traces/examples/python_cases.py [--friendly-traceback PATH] [--only written|friendly|oneline]
                                                 [--case ID ...] [--print]

Stdlib only. Must run as root (it stages under /home, /srv, /opt and runs some programs as `nobody`); it
refuses to touch a workdir it did not create (marker file .khub-pyx-stage). Missing tools skip cases with
the reason printed; a failing program never stops the run; cases that were not re-run keep their previous
capture in the data file.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent  # tests/traces/examples
TRACES = HERE.parent  # tests/traces
REPO = TRACES.parents[1]
PROGRAMS = HERE / "python"
OUT = TRACES / "cases" / "python-examples.jsonl"
VENV = TRACES / ".cache" / "pyx-venv"  # git-ignored (.cache/); created when missing, pip from PyPI
VENV_REQUIREMENTS = ["flask", "django<6", "pytest", "requests", "pyyaml", "pydantic", "sqlalchemy"]
STAGE_MARKER = ".khub-pyx-stage"
DEFAULT_TIMEOUT = 60
KINDS = ("written", "oneline", "friendly")

FT_WORKDIR = Path("/home/andre/github/friendly-traceback")
FT_ENV = "KHUB_FRIENDLY_TRACEBACK"
# Files of friendly-traceback's tests/syntax/ that are helpers, not test programs.
FT_SYNTAX_SKIP = {"__init__.py", "catch_syntax_error.py", "compare_data.py", "compile_data.py",
                  "no_pytest_catch_indentation_error.py"}
# Syntax test files the archive has no entry for: the sibling entries that explain the same mistake.
FT_SYNTAX_SIBLINGS = {
    "def_keyword_as_arg_3": {"friendly-traceback/syntax/def_keyword_as_arg_1": 2,
                             "friendly-traceback/syntax/def_keyword_as_arg_2": 2},
    "def_keyword_as_arg_4": {"friendly-traceback/syntax/def_keyword_as_arg_1": 2,
                             "friendly-traceback/syntax/def_keyword_as_arg_2": 2},
    "def_list_as_arg_2": {"friendly-traceback/syntax/def_list_as_arg_1": 2},
    "def_set_as_arg": {"friendly-traceback/syntax/def_list_as_arg_1": 1,
                       "friendly-traceback/syntax/def_dict_as_arg": 1},
    "def_star_arg_before_slash": {},
    "def_tuple_as_arg_2": {"friendly-traceback/syntax/def_tuple_as_arg_1": 2},
    "pip_install_2": {"friendly-traceback/syntax/pip_install_1": 2},
    "single_equal_with_elif": {"friendly-traceback/syntax/single_equal_with_while": 1},
    "single_equal_with_if": {"friendly-traceback/syntax/single_equal_with_while": 1},
}


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def sh(cmd, timeout: int = 60, **kw) -> tuple[int, str]:
    """Run a helper command; return (exit code, combined output). Never raises."""
    try:
        proc = subprocess.run(cmd, shell=isinstance(cmd, str), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=timeout, **kw)
        return proc.returncode, proc.stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError) as exc:
        return 127, str(exc)


def _first_line(text: str) -> str:
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "")


# ---------------------------------------------------------------------------------------------
# tools
# ---------------------------------------------------------------------------------------------


def _version(cmd: list[str]) -> str | None:
    if shutil.which(cmd[0]) is None and not Path(cmd[0]).exists():
        return None
    code, out = sh(cmd)
    return _first_line(out) or None if code == 0 else None


def _venv_dist(dist: str) -> str | None:
    py = VENV / "bin" / "python"
    if not py.exists():
        return None
    code, out = sh([str(py), "-c", f"import importlib.metadata as m; print(m.version({dist!r}))"])
    return out.strip() if code == 0 else None


def _lib(fmt: str, *dists: str):
    def probe():
        vs = [_venv_dist(d) for d in dists]
        return None if None in vs else fmt.format(*vs)
    return probe


PROBES = {
    "python": lambda: _version(["python3", "--version"]),
    "python-debian": lambda: (lambda v: f"{v} (Debian /usr/bin/python3)" if v else None)(
        _version(["/usr/bin/python3", "--version"])),
    "pip": lambda: (lambda out: out.split(" from ")[0] if out and out.startswith("pip ") else None)(
        _version(["python3", "-m", "pip", "--version"])),
    "pip-debian": lambda: (lambda out: out.split(" from ")[0] + " (Debian)" if out and out.startswith("pip ") else None)(
        _version(["/usr/bin/python3", "-m", "pip", "--version"])),
    "venv": lambda: _lib("venv pip {}", "pip")(),
    "flask": _lib("Flask {} / Werkzeug {}", "flask", "werkzeug"),
    "django": _lib("Django {}", "django"),
    "pytest": _lib("pytest {}", "pytest"),
    "requests": _lib("requests {} / urllib3 {}", "requests", "urllib3"),
    "pyyaml": _lib("PyYAML {}", "pyyaml"),
    "pydantic": _lib("pydantic {}", "pydantic"),
    "sqlalchemy": _lib("SQLAlchemy {}", "sqlalchemy"),
    "jinja2": _lib("Jinja2 {}", "jinja2"),
    "openssl": lambda: (lambda v: " ".join(v.split()[:2]) if v else None)(_version(["openssl", "version"])),
    "curl": lambda: "" if shutil.which("curl") else None,
    "runuser": lambda: "" if shutil.which("runuser") and os.geteuid() == 0 else None,
}
VENV_TOOLS = {"venv", "flask", "django", "pytest", "requests", "pyyaml", "pydantic", "sqlalchemy", "jinja2"}
_probe_cache: dict[str, str | None] = {}


def tool_version(name: str) -> str | None:
    if name not in _probe_cache:
        probe = PROBES.get(name)
        try:
            _probe_cache[name] = probe() if probe else None
        except Exception as exc:  # a broken probe must not stop the run
            print(f"  probe {name} failed: {exc}")
            _probe_cache[name] = None
    return _probe_cache[name]


def ensure_venv() -> str | None:
    if (VENV / "bin" / "python").exists():
        return None
    print(f"  creating {VENV} with {', '.join(VENV_REQUIREMENTS)}")
    VENV.parent.mkdir(parents=True, exist_ok=True)
    code, out = sh(["python3", "-m", "venv", str(VENV)], timeout=300)
    if code == 0:
        code, out = sh([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", *VENV_REQUIREMENTS], timeout=900)
    _probe_cache.clear()
    return None if code == 0 else f"could not set up {VENV}: {out.strip()[-400:]}"


# ---------------------------------------------------------------------------------------------
# the archive and the labelling rules
# ---------------------------------------------------------------------------------------------


class Archive:
    def __init__(self) -> None:
        self.entries: dict[str, dict] = {}
        shared = Path(os.environ.get("KHUB_SHARED", REPO.parent / "shared"))
        if not shared.exists():
            shared = Path("/work/shared")
        public = shared / "corpus-public" / "entries.jsonl"
        if public.exists():
            with public.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        e = json.loads(line)
                        self.entries[e["id"]] = e
        for md in (REPO / "corpus").glob("*/*.md"):
            text = md.read_text(encoding="utf-8")
            m = re.search(r"^id:\s*(\S+)", text, re.M)
            if m:
                e = {"id": m.group(1)}
                for key in ("error_type", "error_message"):
                    mm = re.search(rf"^{key}:\s*\"?(.*?)\"?\s*$", text, re.M)
                    if mm:
                        e[key] = mm.group(1)
                self.entries[e["id"]] = e
        self.ft_by_type: dict[str, list[dict]] = {}
        for e in self.entries.values():
            if e["id"].startswith("friendly-traceback/") and e.get("error_type"):
                self.ft_by_type.setdefault(e["error_type"], []).append(e)

    def __contains__(self, eid: str) -> bool:
        return eid in self.entries

    def __bool__(self) -> bool:
        return bool(self.entries)


SYNTAX_FAMILY = {"SyntaxError", "IndentationError", "TabError"}
GENERIC_SYNTAX_FORMS = {"invalid syntax"}


def msg_form(msg: str, syntax: bool = False) -> str:
    """A message with its variable parts abstracted, to compare the form of two messages of one type.

    With syntax=True (SyntaxError family) a quoted token made only of punctuation is kept: "expected ':'" and
    "expected '('" are different mistakes, while "after 'if' statement" and "after 'for' statement" are not."""
    m = msg.strip()
    m = re.sub(r"^[\w.]*?(\w+): ", "", m) if re.match(r"^[\w.]+(Error|Exception|Warning): ", m) else m
    m = re.sub(r"\((?:/|[A-Za-z]:\\|tests/)[^()]*\)", "(PATH)", m)
    if syntax:
        m = re.sub(r"(?<![\w'])'(?:[^'\\]|\\.)*'", lambda q: q.group(0) if not re.search(r"\w", q.group(0)) else "Q", m)
    m = re.sub(r"(?<![\w'])'(?:[^'\\]|\\.)*'", "Q", m) if not syntax else m
    m = re.sub(r'"(?:[^"\\]|\\.)*"', "Q", m)
    m = re.sub(r"\b[\w.<>]+\(\)", "F()", m)  # qualified callable names: Timesheet.gross_pay()
    m = re.sub(r"\d+", "N", m)
    m = re.sub(r"\bfor [^\s:]+:", "for OP:", m)  # unsupported operand type(s) for +=:
    m = re.sub(r"\bunary \S+:", "unary OP:", m)
    m = re.sub(r"concatenate \w+ \(not Q\) to \w+", "concatenate T (not Q) to T", m)
    m = re.sub(r"^\w+ indices must be", "T indices must be", m)
    m = re.sub(r"non-iterable \w+ object", "non-iterable T object", m)
    m = re.sub(r"\barguments\b", "argument", m)
    m = re.sub(r"\b(was|were) given", "given", m)
    m = re.sub(r"Q(?:, Q)*(?:,? and Q)", "Q", m)
    return re.sub(r"\s+", " ", m).strip()


def exception_message(text: str, exc: str) -> str | None:
    """The message of the last line that reports exception `exc`.

    Allowed before the type: a module path (json.decoder.), pytest's 'E   ', ExceptionGroup's '  | ', and a
    warning's 'file.py:12: ', compileall's 'Sorry: '."""
    pat = re.compile(rf"^(?:E +|[\s|+]*|.*?:\d+: |Sorry: )(?:[\w]+\.)*{re.escape(exc)}(?:: ?(.*))?\s*$")
    found = None
    for line in text.replace("\r\n", "\n").split("\n"):
        m = pat.match(line)
        if m:
            found = m.group(1) or ""
    return found


def compute_grades(arch: Archive, spec: dict, text: str) -> tuple[dict[str, int], list[str]]:
    """Labels for a case from its spec ("exc", "exact", "parents", "more", "also" or "grades") and its text."""
    problems: list[str] = []
    if "grades" in spec:
        grades = {k: int(v) for k, v in spec["grades"].items()}
    else:
        grades = {}
        exc = spec.get("exc")
        if exc:
            msg = exception_message(text, exc)
            if msg is None:
                problems.append(f"no '{exc}' line in the output")
                msg = ""
            syn = exc in SYNTAX_FAMILY
            form = msg_form(msg, syn)
            exact = set(spec.get("exact") or [])
            for e in arch.ft_by_type.get(exc, []):
                same = msg_form(e.get("error_message", ""), syn) == form
                if exc in SYNTAX_FAMILY:
                    if e["id"] in exact or (same and form not in GENERIC_SYNTAX_FORMS):
                        grades[e["id"]] = 2
                    elif exc != "SyntaxError":
                        grades[e["id"]] = 1
                else:
                    grades[e["id"]] = 2 if (same or e["id"] in exact) else 1
            pe = f"python-exceptions/{exc}"
            if pe in arch:
                grades[pe] = 1 if arch.ft_by_type.get(exc) else 2
            for m in exact:
                grades.setdefault(m, 2)
        for parent in spec.get("parents") or []:
            grades.setdefault(f"python-exceptions/{parent}", 1)
        for other in spec.get("more") or []:
            grades.setdefault(f"python-exceptions/{other}", 1)
            omsg = exception_message(text, other)
            if omsg is None:
                problems.append(f"no '{other}' line in the output")
                continue
            for e in arch.ft_by_type.get(other, []):
                syn = other in SYNTAX_FAMILY
                if msg_form(e.get("error_message", ""), syn) == msg_form(omsg, syn) and msg_form(omsg, syn) not in GENERIC_SYNTAX_FORMS:
                    grades.setdefault(e["id"], 1)
        for eid, g in (spec.get("also") or {}).items():
            if int(g) == 0:
                grades.pop(eid, None)
            else:
                grades[eid] = int(g)
    if arch:
        for eid in grades:
            if eid not in arch:
                problems.append(f"unknown archive id {eid}")
    if any(g not in (1, 2) for g in grades.values()):
        problems.append("grades must be 1 or 2")
    if bool(spec.get("in_archive", bool(grades))) != bool(grades):
        problems.append("in_archive disagrees with the labels")
    return grades, problems


def label(record: dict, grades: dict[str, int]) -> dict:
    order = sorted(grades, key=lambda k: (-grades[k], k))
    record["relevant"] = order
    record["grades"] = {k: grades[k] for k in order}
    record["in_archive"] = bool(grades)
    return record


# ---------------------------------------------------------------------------------------------
# staging and running
# ---------------------------------------------------------------------------------------------


def stage_dir(workdir: Path) -> Path:
    if workdir.exists():
        if not (workdir / STAGE_MARKER).exists():
            raise RuntimeError(f"{workdir} exists and was not staged by this script; refusing to touch it")
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    (workdir / STAGE_MARKER).write_text("staged by tests/traces/examples/python_cases.py; removed after the run\n")
    return workdir


def unstage(workdir: Path) -> None:
    if (workdir / STAGE_MARKER).exists():
        shutil.rmtree(workdir, ignore_errors=True)
        parent = workdir.parent
        while parent not in (Path("/"), Path("/home"), Path("/srv"), Path("/var/www"), Path("/opt"), Path("/tmp"),
                             Path("/var"), Path("/var/lib"), Path("/usr/local")):
            try:
                parent.rmdir()
            except OSError:
                break
            parent = parent.parent


def run_env(workdir: Path, extra: dict | None = None, pty: bool = False) -> dict:
    env = dict(os.environ)
    for key in list(env):
        if key.startswith(("PYTHON", "VIRTUAL_ENV", "FORCE_COLOR", "NO_COLOR", "CLICOLOR", "FLASK_", "DJANGO_")):
            env.pop(key)
    env.update({
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color" if pty else "dumb",
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PWD": str(workdir),
    })
    env.update(extra or {})
    return env


def run_command(run: str, workdir: Path, env: dict, timeout: int, pty: bool = False,
                stdin_file: Path | None = None) -> tuple[int, str]:
    argv = ["script", "-qefc", run, "/dev/null"] if pty else ["bash", "-c", run]
    stdin = open(stdin_file, "rb") if stdin_file else subprocess.DEVNULL
    try:
        proc = subprocess.run(argv, cwd=workdir, env=env, stdin=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=timeout)
    finally:
        if stdin_file:
            stdin.close()
    return proc.returncode, proc.stdout.decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------------
# written and one-line programs (examples/python/<case>/)
# ---------------------------------------------------------------------------------------------


def load_dir_cases() -> list[tuple[str, Path, dict]]:
    cases = []
    if not PROGRAMS.is_dir():
        return cases
    for d in sorted(p for p in PROGRAMS.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        spec_file = d / "case.json"
        if not spec_file.exists():
            print(f"  {d.name}: no case.json, skipped")
            continue
        try:
            spec = json.loads(spec_file.read_text())
        except ValueError as exc:
            print(f"  {d.name}: bad case.json ({exc}), skipped")
            continue
        spec.setdefault("kind", "oneline" if d.name.startswith("oneline-") else "written")
        cases.append((f"pyx-{d.name}", d, spec))
    return cases


def run_dir_case(arch: Archive, cid: str, folder: Path, spec: dict) -> tuple[dict | None, str | None]:
    versions = []
    for tool in spec.get("tools") or ["python"]:
        v = tool_version(tool)
        if v is None:
            return None, f"tool {tool!r} is not available"
        if v:
            versions.append(v)
    workdir = Path(spec.get("workdir") or f"/home/dev/{folder.name}")
    try:
        stage_dir(workdir)
    except (OSError, RuntimeError) as exc:
        return None, f"could not stage: {exc}"
    try:
        for item in folder.iterdir():
            if item.name == "case.json":
                continue
            target = workdir / item.name
            if item.is_dir():
                shutil.copytree(item, target, symlinks=True)
            else:
                shutil.copy2(item, target)
        for name, what in (spec.get("links") or {}).items():
            target = workdir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if what == "@pyx-venv":
                target.symlink_to(VENV)
            else:
                return None, f"unknown link {what!r}"
        if spec.get("chmod_world"):
            # Programs run as `nobody` need to traverse the staged tree.
            for p in [workdir, *workdir.rglob("*")]:
                if not p.is_symlink():
                    p.chmod(p.stat().st_mode | 0o755 if p.is_dir() else p.stat().st_mode | 0o644)
            parent = workdir.parent
            while parent != Path("/"):
                parent.chmod(parent.stat().st_mode | 0o711)
                parent = parent.parent
        env = run_env(workdir, spec.get("env"), bool(spec.get("pty")))
        timeout = int(spec.get("timeout", DEFAULT_TIMEOUT))
        if spec.get("setup"):
            code, out = sh(["bash", "-c", spec["setup"]], timeout=timeout, cwd=workdir, env=env)
            if code != 0:
                return None, f"setup failed ({code}): {out.strip()[-500:]}"
        stdin_file = workdir / spec["stdin"] if spec.get("stdin") else None
        code, text = run_command(spec["run"], workdir, env, timeout, bool(spec.get("pty")), stdin_file)
        if not text.strip():
            return None, f"no output (exit {code})"
        if code == 0 and not spec.get("exit_zero_ok"):
            return None, f"exit code 0: the program did not fail\n{text[-800:]}"
        expect = spec.get("expect")
        if expect and not re.search(expect, text, re.M):
            return None, f"the output does not show the intended error (expect {expect!r}):\n{text[-1200:]}"
        record = {
            "id": cid,
            "ecosystem": "python",
            "tool": " + ".join(versions),
            "text": text,
            "relevant": [],
            "grades": {},
            "in_archive": False,
            "note": spec.get("note", ""),
            "program": spec.get("program", ""),
        }
        grades, problems = compute_grades(arch, spec, text)
        if problems:
            return None, "label problems: " + "; ".join(problems) + f"\n{text[-600:]}"
        return label(record, grades), None
    except subprocess.TimeoutExpired:
        return None, f"timed out after {spec.get('timeout', DEFAULT_TIMEOUT)} s"
    except OSError as exc:
        return None, f"could not run: {exc}"
    finally:
        if spec.get("teardown"):
            sh(["bash", "-c", spec["teardown"]], timeout=60, cwd=workdir if workdir.exists() else "/")
        unstage(workdir)


# ---------------------------------------------------------------------------------------------
# friendly-traceback's test programs
# ---------------------------------------------------------------------------------------------


def friendly_checkout(path: str | None) -> tuple[Path | None, str | None, Path | None]:
    """Return (project root, reason when missing, temp dir to delete)."""
    raw = path or os.environ.get(FT_ENV)
    if not raw:
        return None, f"no friendly-traceback checkout given (--friendly-traceback PATH or {FT_ENV}=PATH)", None
    p = Path(raw)
    if (p / "tests" / "runtime").is_dir() and (p / "tests" / "syntax").is_dir():
        return p, None, None
    if (p / "HEAD").exists() and (p / "objects").is_dir():  # a bare git directory
        code, _ = sh(["git", "--git-dir", str(p), "rev-parse", "HEAD"])
        if code == 0:
            tmp = Path(tempfile.mkdtemp(prefix="pyx-ft-"))
            try:
                data = subprocess.run(["git", "--git-dir", str(p), "archive", "HEAD", "tests"],
                                      stdout=subprocess.PIPE, check=True, timeout=120).stdout
                with tarfile.open(fileobj=io.BytesIO(data)) as tf:
                    tf.extractall(tmp)
                return tmp, None, tmp
            except (OSError, subprocess.SubprocessError, tarfile.TarError) as exc:
                shutil.rmtree(tmp, ignore_errors=True)
                return None, f"could not read {p}: {exc}", None
    return None, f"{p} is not a friendly-traceback checkout (no tests/runtime and tests/syntax)", None


def _ft_entry_index(arch: Archive) -> dict[tuple[str, str], list[str]]:
    """(test file stem, test function) -> entry ids in block order (slug, slug-2, slug-3, ...)."""
    out: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for eid, e in arch.entries.items():
        if not eid.startswith("friendly-traceback/runtime/"):
            continue
        m = re.search(r'File "tests/runtime/(\w+)\.py", line \d+, in (test_\w+)', e.get("body", ""))
        if not m:
            continue
        n = re.search(r"-(\d+)$", eid)
        out.setdefault((m.group(1), m.group(2)), []).append((int(n.group(1)) if n else 1, eid))
    return {k: [eid for _, eid in sorted(v)] for k, v in out.items()}


def _blank(lines: list[str], start: int, end: int) -> None:
    for i in range(start - 1, end):
        lines[i] = "\n" if lines[i].endswith("\n") else ""


def ft_block_program(source: str, func: str, block: int) -> str:
    """The test file rewritten so that try block `block` (1-based) of `func` lets its exception escape."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == func)
    tries = sorted((n for n in ast.walk(fn) if isinstance(n, ast.Try)), key=lambda n: n.lineno)
    target = tries[block - 1]
    # The statement of the function body that holds the target block.
    holder = next(s for s in fn.body if s.lineno <= target.lineno <= s.end_lineno)
    for stmt in fn.body:
        if stmt is holder:
            break
        names = {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)}
        if isinstance(stmt, (ast.Try, ast.Assert, ast.If, ast.Return)) or names & {"friendly", "result", "message"}:
            _blank(lines, stmt.lineno, stmt.end_lineno)
    for handler in target.handlers:
        if handler.type is not None:
            ln = handler.type.lineno - 1
            line = lines[ln]
            lines[ln] = line[: handler.type.col_offset] + "()" + line[handler.type.end_col_offset:]
        else:
            ln = handler.lineno - 1
            lines[ln] = lines[ln].replace("except:", "except ():", 1)
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(a.name == "friendly" for a in node.names):
            _blank(lines, node.lineno, node.end_lineno)
        if isinstance(node, ast.If) and "__main__" in (ast.get_source_segment(source, node.test) or ""):
            for stmt in node.body:
                ln = stmt.lineno - 1
                lines[ln] = re.sub(r"\btest_\w+\(", f"{func}(", lines[ln], count=1)
    return "".join(lines)


def run_friendly(arch: Archive, root: Path, only_ids: set[str] | None) -> tuple[dict[str, dict], list[tuple[str, str]]]:
    results: dict[str, dict] = {}
    skipped: list[tuple[str, str]] = []
    version = tool_version("python")
    if version is None:
        return results, [("pyx-ft-*", "python3 not found")]
    index = _ft_entry_index(arch)
    try:
        workdir = stage_dir(FT_WORKDIR)
    except (OSError, RuntimeError) as exc:
        return results, [("pyx-ft-*", f"could not stage: {exc}")]
    try:
        shutil.copytree(root / "tests", workdir / "tests")
        env = run_env(workdir)
        # runtime: one program per try block
        for test_file in sorted((workdir / "tests" / "runtime").glob("test_*.py")):
            original = test_file.read_text(encoding="utf-8")
            tree = ast.parse(original)
            stem = test_file.stem
            for fn in [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")]:
                tries = sorted((n for n in ast.walk(fn) if isinstance(n, ast.Try)), key=lambda n: n.lineno)
                ids = index.get((stem, fn.name), [])
                for k in range(1, len(tries) + 1):
                    eid = ids[k - 1] if k <= len(ids) else None
                    cid = "pyx-ft-" + (eid.split("/", 1)[1].replace("/", "-") if eid else f"runtime-{stem}-{fn.name}-{k}")
                    if only_ids and cid not in only_ids:
                        continue
                    cmd = f"python3 -m tests.runtime.{stem}"
                    try:
                        test_file.write_text(ft_block_program(original, fn.name, k), encoding="utf-8")
                        code, text = run_command(cmd, workdir, env, 30)
                        # The file's compile-time SyntaxWarnings (test_type_error.py has six) are kept only when
                        # one is about the failing block itself; otherwise the program runs with them off.
                        warned = {int(n) for n in re.findall(r"^\S+\.py:(\d+): SyntaxWarning", text, re.M)}
                        block_lines = set(range(tries[k - 1].lineno, tries[k - 1].end_lineno + 1))
                        if warned and not warned & block_lines:
                            cmd = f"python3 -W ignore::SyntaxWarning -m tests.runtime.{stem}"
                            code, text = run_command(cmd, workdir, env, 30)
                    except Exception as exc:  # one broken program must not stop the others
                        skipped.append((cid, f"crashed: {exc!r}"))
                        continue
                    finally:
                        test_file.write_text(original, encoding="utf-8")
                    rec, reason = _ft_record(arch, cid, eid, text, code, version,
                                             f"friendly-traceback tests/runtime/{stem}.py::{fn.name} (try block {k}), "
                                             f"run as {cmd}", fn.name, k)
                    if rec:
                        results[cid] = rec
                    else:
                        skipped.append((cid, reason))
        # syntax: one program per file
        by_path = {e.get("source_path"): eid for eid, e in arch.entries.items()
                   if eid.startswith("friendly-traceback/syntax/")}
        for f in sorted((workdir / "tests" / "syntax").glob("*.py")):
            if f.name in FT_SYNTAX_SKIP:
                continue
            eid = by_path.get(f"tests/syntax/{f.name}")
            cid = "pyx-ft-" + (eid.split("/", 1)[1].replace("/", "-") if eid else f"syntax-{f.stem}")
            if only_ids and cid not in only_ids:
                continue
            try:
                code, text = run_command(f"python3 tests/syntax/{f.name}", workdir, env, 30)
            except Exception as exc:
                skipped.append((cid, f"crashed: {exc!r}"))
                continue
            rec, reason = _ft_record(arch, cid, eid, text, code, version,
                                     f"friendly-traceback tests/syntax/{f.name}, run as python3 tests/syntax/{f.name}",
                                     None, None, syntax_stem=f.stem)
            if rec:
                results[cid] = rec
            else:
                skipped.append((cid, reason))
    finally:
        unstage(workdir)
    return results, skipped


def _last_frame_line(text: str) -> str:
    """The source line shown under the last 'File ...' line of a traceback."""
    lines = text.splitlines()
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].lstrip().startswith('File "') and i + 1 < len(lines):
            return lines[i + 1].strip()
    return ""


def _ft_record(arch: Archive, cid: str, eid: str | None, text: str, code: int, version: str, program: str,
               func: str | None, block: int | None, syntax_stem: str | None = None) -> tuple[dict | None, str | None]:
    if code == 0 or not text.strip():
        return None, f"the program did not fail (exit {code})"
    m = re.search(r"^(?:[\w]+\.)*(\w+)(?:: (.*))?\s*\Z", text.rstrip("\n").split("\n")[-1])
    if not m:
        return None, f"no exception line at the end:\n{text[-400:]}"
    exc, msg = m.group(1), m.group(2) or ""
    spec: dict = {"exc": exc}
    if eid:
        entry = arch.entries[eid]
        want = entry.get("error_message", "")
        if msg_form(want) != msg_form(f"{exc}: {msg}") or entry.get("error_type") != exc:
            return None, f"output is not the archived error ({want!r}):\n{text[-600:]}"
        spec["exact"] = [eid]
    if syntax_stem in FT_SYNTAX_SIBLINGS:
        spec["also"] = FT_SYNTAX_SIBLINGS[syntax_stem]
    grades, problems = compute_grades(arch, spec, text)
    if problems:
        return None, "label problems: " + "; ".join(problems)
    if func:
        note = (f"friendly-traceback's test {func}, block {block}: `{_last_frame_line(text)}` raises {exc}. "
                f"The test's except clause is disabled, so CPython prints the error itself.")
    else:
        words = syntax_stem.replace("_", " ")
        note = (f"friendly-traceback's syntax test file {syntax_stem}.py ({words}): the file does not compile, so "
                f"CPython prints the {exc} without a Traceback header.")
    rec = {"id": cid, "ecosystem": "python", "tool": version, "text": text, "relevant": [], "grades": {},
           "in_archive": False, "note": note, "program": program}
    return label(rec, grades), None


# ---------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------


def read_existing() -> dict[str, dict]:
    out = {}
    if OUT.exists():
        for line in OUT.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


def kind_of(rec: dict) -> str:
    if rec["id"].startswith("pyx-ft-"):
        return "friendly"
    if rec["id"].startswith("pyx-oneline-"):
        return "oneline"
    return "written"


def relabel(arch: Archive, rec: dict, dir_specs: dict[str, dict]) -> dict | None:
    """Recompute labels (and notes) from the current specs and archive; None when the case is gone."""
    if kind_of(rec) == "friendly":
        eid = None
        for cand in arch.entries:
            if cand.startswith("friendly-traceback/") and "pyx-ft-" + cand.split("/", 1)[1].replace("/", "-") == rec["id"]:
                eid = cand
                break
        m = re.search(r"^(?:[\w]+\.)*(\w+)(?:: (.*))?\s*\Z", rec["text"].rstrip("\n").split("\n")[-1])
        spec = {"exc": m.group(1) if m else ""}
        if eid:
            spec["exact"] = [eid]
        stem = rec["id"].removeprefix("pyx-ft-syntax-")
        if stem in FT_SYNTAX_SIBLINGS:
            spec["also"] = FT_SYNTAX_SIBLINGS[stem]
        grades, problems = compute_grades(arch, spec, rec["text"])
        if problems:
            print(f"  {rec['id']}: {'; '.join(problems)}")
        return label(rec, grades)
    spec = dir_specs.get(rec["id"])
    if spec is None:
        return None
    grades, problems = compute_grades(arch, spec, rec["text"])
    if problems:
        print(f"  {rec['id']}: {'; '.join(problems)}")
    rec["note"] = spec.get("note", rec.get("note", ""))
    rec["program"] = spec.get("program", rec.get("program", ""))
    return label(rec, grades)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--friendly-traceback", metavar="PATH",
                    help=f"friendly-traceback checkout or bare git dir (default: ${FT_ENV})")
    ap.add_argument("--only", help="comma-separated kinds: written, oneline, friendly")
    ap.add_argument("--case", action="append", default=[], help="a case id to run (repeatable)")
    ap.add_argument("--print", action="store_true", help="print each captured text")
    args = ap.parse_args(argv)

    kinds = set(KINDS)
    if args.only:
        kinds = {k.strip() for k in args.only.split(",") if k.strip()}
        bad = kinds - set(KINDS)
        if bad:
            ap.error(f"unknown kind(s): {', '.join(sorted(bad))}")
    if os.geteuid() != 0:
        print("note: not running as root; cases staged under /home, /srv, /opt will be skipped")

    arch = Archive()
    if not arch:
        print("warning: archive not found (../shared/corpus-public/entries.jsonl); labels cannot be checked")
    existing = read_existing()
    results: dict[str, dict] = {}
    skipped: list[tuple[str, str]] = []
    only_ids = set(args.case) or None

    dir_cases = load_dir_cases()
    dir_specs = {cid: spec for cid, _, spec in dir_cases}
    todo = [c for c in dir_cases if c[2]["kind"] in kinds and (not only_ids or c[0] in only_ids)]
    if todo:
        needs = {t for _, _, spec in todo for t in spec.get("tools") or []}
        if needs & VENV_TOOLS:
            reason = ensure_venv()
            if reason:
                print(f"  {reason}")
        for kind in ("written", "oneline"):
            mine = [c for c in todo if c[2]["kind"] == kind]
            if mine:
                print(f"== {kind} ({len(mine)} programs)")
            for cid, folder, spec in mine:
                t0 = time.time()
                try:
                    rec, reason = run_dir_case(arch, cid, folder, spec)
                except Exception as exc:  # one broken case must not stop the others
                    rec, reason = None, f"crashed: {exc!r}"
                if rec is None:
                    print(f"  SKIP {cid}: {reason}")
                    skipped.append((cid, reason or ""))
                    continue
                results[cid] = rec
                if args.print:
                    print(rec["text"])
                print(f"  ok   {cid} ({time.time() - t0:.1f}s, {len(rec['text'])} chars, "
                      f"{'in' if rec['in_archive'] else 'NOT in'} archive)")

    if "friendly" in kinds and (not only_ids or any(i.startswith("pyx-ft-") for i in only_ids)):
        print("== friendly (friendly-traceback test programs)")
        root, reason, tmp = friendly_checkout(args.friendly_traceback)
        if root is None:
            print(f"  skipping friendly-traceback programs: {reason}")
            skipped.append(("pyx-ft-*", reason or ""))
        else:
            try:
                t0 = time.time()
                res, sk = run_friendly(arch, root, only_ids)
                results.update(res)
                skipped.extend(sk)
                for cid, why in sk:
                    print(f"  SKIP {cid}: {why}")
                if args.print:
                    for rec in res.values():
                        print(rec["text"])
                print(f"  ok   {len(res)} friendly-traceback programs ({time.time() - t0:.1f}s)")
            finally:
                if tmp:
                    shutil.rmtree(tmp, ignore_errors=True)

    # Cases not re-run now keep their previous capture; labels are recomputed for all.
    merged = dict(existing)
    merged.update(results)
    final: dict[str, dict] = {}
    for cid in sorted(merged):
        rec = relabel(arch, merged[cid], dir_specs) if arch else merged[cid]
        if rec is not None:
            final[cid] = rec
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(final[c], ensure_ascii=False) + "\n" for c in sorted(final)), encoding="utf-8")
    # The one Python labelling policy (every entry of the printed exception class), as for every case file.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import labels  # noqa: E402  (tests/traces/labels.py)

    labels.main([])

    by_kind: dict[str, list[int]] = {}
    for rec in final.values():
        counts = by_kind.setdefault(kind_of(rec), [0, 0])
        counts[0 if rec["in_archive"] else 1] += 1
    print(f"wrote {len(final)} cases to {OUT.relative_to(REPO)} ({len(results)} captured now, {len(skipped)} skipped)")
    for kind in KINDS:
        if kind in by_kind:
            print(f"  {kind:9s} {by_kind[kind][0]:4d} in archive, {by_kind[kind][1]:4d} not in archive")
    g2 = {eid for rec in final.values() for eid, g in rec["grades"].items() if g == 2}
    print(f"  distinct archive entries with a grade-2 case: {len(g2)}")
    for cid, reason in skipped:
        print(f"  skipped {cid}: {reason.splitlines()[0] if reason else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Real JavaScript error outputs from Node, Chromium and Firefox: writes cases/javascript-examples.jsonl.

Parts (``--only`` takes one or more, comma-separated):

node      The archive's own broken examples.  At run time every ```js example-bad block of every
chromium  ``mdn-js-errors/*`` entry in entries.jsonl is extracted (the blocks are not stored in the
firefox   repository) and run: under Node as a script file in a scratch folder under /home/<user>
          (as an ES module when it has top-level import/export/await, split into files when it is
          a two-module example), under headless Chromium and headless Firefox ESR in a page served
          from a localhost http server (one browser start per engine: a runner page loads every
          example in its own iframe, one after another, and marks each start on the console; the
          console lines of each example are kept unaltered, the way a user copies them).
          Trailing comments that spell out the expected error (``foo(); // TypeError: ...``) are
          cut from the program, so Node's echoed source line does not carry MDN's wording.  A few
          examples get a harness line (a call that makes the example's code run, or the page's own
          set-up block) - the ``program`` field says so.
          A case is kept only when the engine threw an error that the page (or, for a different
          error, another page) explains: the engine's message is matched against the page's
          "## Message" section for that engine (V8-based / Firefox lines) or against the reviewed
          rules in LABEL_RULES below.  Everything else is dropped with the reason printed
          (examples that do not throw, that need a DOM under Node, that throw a different error).
written   Programs written for this set, under examples/javascript/<name>/ (program files + case.json):
oneline   Node CLI tools, Express handlers, fetch code, npm, browser pages with real DOM code, run at
          realistic workdirs (staged and removed again, as generate.py does).  Labels live in
          case.json and are read again on every write.  ``group`` in case.json says written/oneline.

Output records: {"id", "ecosystem", "tool", "text", "relevant", "grades", "in_archive", "note", "program"};
ecosystem "javascript" for Node/npm output, "browser" for Chromium/Firefox console output.  Ids:
jsx-mdn-<engine>-<page>-<n> for the archive's examples, jsx-<name>[-<engine>] for written programs.

What the engines print (kept as printed; browsers filtered to their console lines only):
  Chromium  --enable-logging=stderr --v=0 console lines "[pid:tid:MMDD/HHMMSS.us:INFO:CONSOLE:N] "Uncaught
            TypeError: ...", source: URL (N)"; a message with newlines (circular JSON) continues over
            several lines until '", source: ...'.  CORS blocks come as their own console line before
            "Uncaught (in promise) TypeError: Failed to fetch"; network 404/500 lines are not logged.
  Firefox   prefs devtools.console.stdout.content + browser.dom.window.dump.enabled (user.js of a fresh
            profile): "JavaScript error: URL, line N: TypeError: ..." ("JavaScript warning: ..." for
            warnings, ", line 0:" without URL for some rejections); CORS reasons are not printed.

Usage:
    python tests/traces/examples/javascript_cases.py                      # everything (~6 min on 2 cores)
    python tests/traces/examples/javascript_cases.py --only node,firefox  # some parts; others kept
    python tests/traces/examples/javascript_cases.py --only written --case jsx-express-bigint-json --print
    python tests/traces/examples/javascript_cases.py --page not_a_function --only node --print

A partial run keeps the other records of the file; a part whose tool is missing is skipped with the
reason printed and keeps its previous records.  Must run as root (it stages programs under /home,
/srv, /var/www).  Stdlib only.
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent  # tests/traces/examples
TRACES = HERE.parent
PROGRAMS = HERE / "javascript"
OUT = TRACES / "cases" / "javascript-examples.jsonl"
NODE_DIR = TRACES / "node"
STAGE_MARKER = ".khub-trace-stage"  # the same marker as generate.py
MARKER_TEXT = "staged by tests/traces/examples/javascript_cases.py; removed after the run\n"
PARTS = ["node", "chromium", "firefox", "written", "oneline"]

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--enable-logging=stderr", "--v=0"]

# Headless Firefox that prints page errors to the terminal and stays off the network (as
# programs/browser/firefox-*/ff-profile/user.js).
FIREFOX_PREFS = {
    "devtools.console.stdout.content": True,
    "browser.dom.window.dump.enabled": True,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "browser.shell.checkDefaultBrowser": False,
    "services.settings.server": "http://127.0.0.1:9/v1",
    "app.normandy.enabled": False,
    "app.update.enabled": False,
    "app.shield.optoutstudies.enabled": False,
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.search.update": False,
    "browser.newtabpage.enabled": False,
    "browser.newtabpage.activity-stream.feeds.topsites": False,
    "browser.topsites.contile.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "network.dns.disablePrefetch": True,
    "network.prefetch-next": False,
    "nimbus.enabled": False,
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": 9,
    "network.proxy.no_proxies_on": "127.0.0.1, localhost",
}

# Where the MDN examples are tried under Node: a developer's scratch folder (file names say nothing
# about the page: testNNN.js).
SCRATCH_DIRS = ["/home/lena/scratch/js", "/home/omar/code/js-playground", "/home/mei/tmp/js", "/home/dev/sandbox/js",
                "/home/jonas/projects/notes-js", "/home/priya/src/try-js"]

# Node reports these as "X is not defined" when an example needs a browser.
DOM_GLOBALS = {"document", "window", "navigator", "alert", "localStorage", "sessionStorage", "location",
               "HTMLElement", "customElements", "self", "frames", "prompt", "confirm"}


# ---------------------------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------------------------


def sh(cmd, timeout=60, **kw) -> tuple[int, str]:
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, check=False, **kw)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError) as exc:
        return 127, str(exc)


def pick(key: str, options: list):
    h = int(hashlib.sha1(key.encode()).hexdigest(), 16)
    return options[h % len(options)]


def shared_dir() -> Path:
    env = os.environ.get("KHUB_SHARED")
    if env:
        return Path(env)
    for cand in (TRACES.parents[2] / "shared", Path("/work/shared")):
        if cand.exists():
            return cand
    return Path("/work/shared")


def load_archive() -> dict[str, dict]:
    """Public entries by id, plus the hub's own corpus/ ids (with their front matter only)."""
    path = shared_dir() / "corpus-public" / "entries.jsonl"
    out: dict[str, dict] = {}
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    e = json.loads(line)
                    out[e["id"]] = e
    for md in (TRACES.parents[1] / "corpus").glob("*/*.md"):
        m = re.search(r"^id:\s*(\S+)", md.read_text(encoding="utf-8"), re.MULTILINE)
        if m:
            out.setdefault(m.group(1), {"id": m.group(1)})
    return out


# ---- versions -------------------------------------------------------------------------------

_versions: dict[str, str | None] = {}


def tool_version(name: str) -> str | None:
    if name in _versions:
        return _versions[name]
    v = None
    if name == "node" and shutil.which("node"):
        code, out = sh(["node", "--version"])
        v = f"node {out.strip()}" if code == 0 and out.startswith("v") else None
    elif name == "npm" and shutil.which("npm"):
        code, out = sh(["npm", "--version"])
        v = f"npm {out.strip()}" if code == 0 and out.strip() else None
    elif name == "chromium" and shutil.which("chromium"):
        m = re.search(r"Chromium \S+", sh(["chromium", "--version"])[1])
        v = m.group(0) if m else None
    elif name == "firefox" and shutil.which("firefox-esr"):
        m = re.search(r"Mozilla Firefox \S+", sh(["firefox-esr", "--version"])[1])
        v = m.group(0) if m else None
    elif name in ("express", "react", "react-dom"):
        pkg = NODE_DIR / "node_modules" / name / "package.json"
        try:
            v = f"{name} {json.loads(pkg.read_text())['version']}"
        except (OSError, ValueError, KeyError):
            v = None
    _versions[name] = v
    return v


# ---- staging --------------------------------------------------------------------------------


def stage(workdir: Path, folder: Path | None = None, files: dict[str, str] | None = None) -> None:
    """Create workdir (marked as ours) with a copy of folder (without case.json) and/or the files."""
    if workdir.exists():
        marker = workdir / STAGE_MARKER
        if not marker.exists() or "javascript_cases.py" not in marker.read_text(errors="replace"):
            raise RuntimeError(f"{workdir} exists and was not staged by this script; refusing to touch it")
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    (workdir / STAGE_MARKER).write_text(MARKER_TEXT)
    if folder is not None:
        for item in folder.iterdir():
            if item.name == "case.json":
                continue
            if item.is_dir():
                shutil.copytree(item, workdir / item.name, symlinks=True)
            else:
                shutil.copy2(item, workdir / item.name)
    for rel, text in (files or {}).items():
        p = workdir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def unstage(workdir: Path) -> None:
    marker = workdir / STAGE_MARKER
    if not marker.exists() or "javascript_cases.py" not in marker.read_text(errors="replace"):
        return
    shutil.rmtree(workdir, ignore_errors=True)
    parent = workdir.parent
    while parent not in (Path("/"), Path("/home"), Path("/srv"), Path("/var"), Path("/var/www"), Path("/opt"),
                         Path("/tmp"), Path("/root")):
        try:
            parent.rmdir()  # only succeeds when empty, i.e. we created it
        except OSError:
            break
        parent = parent.parent


def link_node_modules(target: Path) -> None:
    """Hard-link tests/traces/node/node_modules into the workdir (real paths in stack traces)."""
    def link_or_copy(s, d):
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)

    shutil.copytree(NODE_DIR / "node_modules", target, symlinks=True, copy_function=link_or_copy)


def base_env(workdir: Path, extra: dict | None = None) -> dict:
    env = dict(os.environ)
    for key in list(env):
        if key.startswith(("NODE_", "FORCE_COLOR", "NO_COLOR", "CLICOLOR", "NPM_CONFIG", "npm_config")):
            env.pop(key)
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb", "PWD": str(workdir),
                "PATH": f"{workdir / 'node_modules' / '.bin'}:{env.get('PATH', '/usr/bin:/bin')}"})
    env.update(extra or {})
    return env


def run_in(workdir: Path, command: str, env: dict, timeout: int = 60, pty: bool = False) -> tuple[int | None, str]:
    """Run a bash command (its own process group, killed as a whole on timeout); (exit code or None, output)."""
    argv = ["script", "-qefc", command, "/dev/null"] if pty else ["bash", "-c", command]
    proc = subprocess.Popen(argv, cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        return proc.returncode, out.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # our own session: the command and what it started
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        return None, out.decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------------
# The archive's examples
# ---------------------------------------------------------------------------------------------


@dataclass
class Example:
    page: str  # mdn-js-errors/<slug>
    n: int  # 1-based number among the page's example-bad blocks
    lang: str  # js, js-nolint or html
    code: str  # the block as in the archive
    idx: int  # running number over all examples (file names)
    files: dict[str, str] = field(default_factory=dict)  # what is run: name -> text
    entry: str = ""  # the file to run / load
    module: bool = False
    html: bool = False
    changes: list[str] = field(default_factory=list)  # what the program adds or cuts

    @property
    def slug(self) -> str:
        return self.page.split("/", 1)[1]

    @property
    def program(self) -> str:
        desc = f"MDN example-bad #{self.n} of {self.page}"
        if self.html:
            desc += " (an HTML page)"
        elif self.module:
            desc += " (as an ES module)"
        if self.changes:
            desc += "; " + "; ".join(self.changes)
        return desc


FENCE_RE = re.compile(r"^```([\w-]+)([^\n]*)\n(.*?)^```", re.DOTALL | re.MULTILINE)
MODULE_FILE_RE = re.compile(r"^// -- ([\w.-]+\.m?js)\b[^\n]*--\s*$", re.MULTILINE)
TOP_LEVEL_MODULE_RE = re.compile(r"^(?:import|export)\b|^await\b", re.MULTILINE)
ERROR_WORDS_RE = re.compile(r"\b(?:\w*Error|Uncaught|Warning)\b")

# A harness line appended to an example whose broken code is never called by the example itself.
EPILOGUES = {
    ("already_executing_generator", 1): "it = getNumbers(0);\nit.next();",
    ("not_a_constructor", 2): "fn();",
    ("super_called_twice", 1): "new Derived();",
    ("super_called_twice", 2): 'new Derived(["chocolate", "vanilla"]);',
    ("super_not_called", 1): "new Derived();",
    ("too_much_recursion", 4): "new Person().name;",
}
# Examples that use a variable defined by the plain ```js block right before them on the page.
PRELUDE_FROM_PREVIOUS_BLOCK = {("cyclic_object_value", 1)}


def line_comment_start(line: str) -> int | None:
    """Index of a // comment outside string literals, or None (good enough for MDN's one-liners)."""
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if c == quote:
                quote = None
        elif c in "'\"`":
            quote = c
        elif line.startswith("//", i):
            return i
        i += 1
    return None


def strip_error_comments(code: str) -> tuple[str, int]:
    """Cut trailing `// TypeError: ...` comments after code (Node echoes the failing source line)."""
    out, cut = [], 0
    for line in code.split("\n"):
        pos = line_comment_start(line)
        if pos is not None and line[:pos].strip() and ERROR_WORDS_RE.search(line[pos:]):
            line = line[:pos].rstrip()
            cut += 1
        out.append(line)
    return "\n".join(out), cut


def extract_examples(archive: dict[str, dict]) -> list[Example]:
    examples = []
    for eid in sorted(archive):
        if not eid.startswith("mdn-js-errors/"):
            continue
        body = archive[eid].get("body", "")
        n = 0
        previous_plain = None
        for m in FENCE_RE.finditer(body):
            lang, info, code = m.group(1), m.group(2), m.group(3)
            if "example-bad" not in info:
                if lang.startswith("js") and "example-good" not in info:
                    previous_plain = code
                continue
            n += 1
            ex = Example(eid, n, lang, code, len(examples) + 1)
            prepare(ex, previous_plain)
            examples.append(ex)
    return examples


def prepare(ex: Example, previous_plain: str | None) -> None:
    """Decide what files run for the example and how."""
    if ex.lang == "html":
        ex.html = True
        ex.files = {"index.html": ex.code}
        ex.entry = "index.html"
        return
    code, cut = strip_error_comments(ex.code)
    if cut:
        ex.changes.append(f"{cut} trailing comment(s) naming the expected error cut")
    key = (ex.slug, ex.n)
    if key in PRELUDE_FROM_PREVIOUS_BLOCK and previous_plain:
        code = previous_plain.rstrip("\n") + "\n" + code
        ex.changes.append("the page's set-up block prepended")
    if key in EPILOGUES:
        code = code.rstrip("\n") + "\n" + EPILOGUES[key] + "\n"
        ex.changes.append(f"harness call appended: `{EPILOGUES[key].splitlines()[-1]}`")
    parts = MODULE_FILE_RE.split(code)
    if len(parts) >= 3:  # "// -- a.js (entry module) --" sections: one file each, the first is the entry
        ex.module = True
        for i in range(1, len(parts) - 1, 2):
            ex.files[parts[i]] = parts[i + 1].strip("\n") + "\n"
        ex.entry = parts[1]
        ex.changes.append(f"split into the files {', '.join(ex.files)}")
        return
    ex.module = bool(TOP_LEVEL_MODULE_RE.search(code)) and ex.slug != "bad_await"
    ex.files = {"main.js": code if code.endswith("\n") else code + "\n"}
    ex.entry = "main.js"


# ---------------------------------------------------------------------------------------------
# Labels: which archive entries explain the message an engine printed
# ---------------------------------------------------------------------------------------------

FAMILY = {"node": "v8", "chromium": "v8", "firefox": "firefox"}
V8_NAMES = {"V8-based", "Chrome", "Chromium-based", "Chromium"}
ANNOT_RE = re.compile(r"\s*\(((?:V8-based|Chrome|Chromium-based|Firefox|Safari)(?:\s*&\s*(?:V8-based|Chrome|"
                      r"Chromium-based|Firefox|Safari))*)\)\s*$")


def message_section(body: str) -> list[tuple[set[str], str]]:
    """The page's '## Message' lines as (engine families, 'Type: message')."""
    m = re.search(r"^## Message\s*\n+```\w*\n(.*?)^```", body, re.DOTALL | re.MULTILINE)
    if not m:
        return []
    out = []
    for line in m.group(1).splitlines():
        line = line.strip()
        if not line or ":" not in line:
            continue
        fam = {"v8", "firefox"}
        a = ANNOT_RE.search(line)
        if a:
            names = {x.strip() for x in a.group(1).split("&")}
            fam = ({"v8"} if names & V8_NAMES else set()) | ({"firefox"} if "Firefox" in names else set())
            line = line[: a.start()]
        if fam:
            out.append((fam, line))
    return out


# In MDN's wording, quoted names ('x', "x", 'Object.prototype'), one-letter names (x, X, #x) and
# numbers stand for whatever the program used.
_PLACEHOLDER_RE = re.compile(r"(?<!\w)'[^']*'|(?<!\w)\"[^\"]*\"|(?<![\w.#])#?[A-Za-z](?![\w.])"
                             r"|-?(?<![\w.])\d+(?:\.\d+)?(?![\w.])|#<\w+>|\[object \w+\]")


def template_regex(template: str) -> re.Pattern | None:
    """'TypeError: "x" is not a function.' -> a regex with the placeholders as wildcards."""
    m = re.match(r"(\w+): (.*)$", template)
    if not m:
        return None
    etype, text = m.group(1), re.sub(r"\.$", "", m.group(2).strip())
    rx = re.match(r"(Invalid regular expression: )/.*/[a-z]*(: .*)$", text)
    if rx:  # V8 quotes the whole pattern: /[\s-1]/u
        body = re.escape(rx.group(1)) + r"/.*/[a-z]*" + re.escape(rx.group(2))
    else:
        parts, pos = [], 0
        for t in _PLACEHOLDER_RE.finditer(text):
            parts.append(re.escape(text[pos:t.start()]))
            parts.append(r".+?")
            pos = t.end()
        parts.append(re.escape(text[pos:]))
        body = "".join(parts)
    return re.compile(re.escape(etype) + ": " + body + r"\.?", re.IGNORECASE)


@dataclass
class PageMessages:
    by_family: dict[str, list[re.Pattern]]


_page_cache: dict[str, PageMessages] = {}


def page_messages(archive: dict[str, dict], page: str) -> PageMessages:
    if page not in _page_cache:
        by_family: dict[str, list[re.Pattern]] = {"v8": [], "firefox": []}
        entry = archive.get(page, {})
        lines = message_section(entry.get("body", ""))
        if entry.get("error_message"):  # the title: MDN's (mostly Firefox's) name for the error
            lines.append(({"v8", "firefox"}, entry["error_message"]))
        for fams, line in lines:
            rx = template_regex(line)
            if rx:
                for f in fams:
                    by_family[f].append(rx)
        _page_cache[page] = PageMessages(by_family)
    return _page_cache[page]


P = "mdn-js-errors/"
LET_VAR_CONST = "feih-javascript/what-are-the-differences-between-variables-created-using-let-var-or-co"

# Reviewed rules for what the page's "## Message" section does not list in this wording.
# (page, page#n or "*"; family or "*"; regex on "Type: message") -> grades.  The first matching rule wins.
#  * The page lists no wording for this engine and the engine reports the same broken code with its
#    generic parser message: the page explains exactly this error (2), the generic unexpected_token
#    page is a neighbour (1).
#  * The page lists this engine's wording but the engine reported the code as a different error that
#    another page is about: that page gets 2, the example's page (which explains the code) 1.
#  * The engine's wording changed since MDN's list, or MDN names one case of a family of messages.
U = P + "unexpected_token"
LABEL_RULES: list[tuple[str, str, str, dict[str, int]]] = [
    # --- V8 (Node, Chromium): generic parser messages for pages that list no V8 wording
    *[(page, "v8", r"SyntaxError: Unexpected (token|identifier|string|number|end of input).*", {P + page: 2, U: 1})
      for page in ("missing_bracket_after_list", "missing_colon_after_property_id", "missing_curly_after_function_body",
                   "missing_curly_after_property_list", "missing_formal_parameter", "missing_name_after_dot_operator",
                   "missing_parenthesis_after_condition", "no_variable_name")],
    # an import inside a block: V8 only says "Unexpected identifier" (its listed wording is for scripts)
    ("import_decl_module_top_level", "v8", r"SyntaxError: Unexpected (identifier|token|string).*",
     {P + "import_decl_module_top_level": 2, U: 1}),
    ("reserved_identifier", "v8", r"SyntaxError: Unexpected (strict mode )?reserved word", {P + "reserved_identifier": 2}),
    # `document.querySelector(#some-element)`: V8 reads #some as a private name
    ("hash_outside_class#1", "v8", r"SyntaxError: Private field '#.+' must be declared in an enclosing class",
     {P + "hash_outside_class": 2, P + "undeclared_private_field_or_method": 1}),
    ("hash_outside_class#2", "v8", r"SyntaxError: Private field '#.+' must be declared in an enclosing class",
     {P + "hash_outside_class": 2, P + "undeclared_private_field_or_method": 2}),
    ("bigint_negative_exponent", "v8", r"RangeError: .* must be positive", {P + "bigint_negative_exponent": 2}),
    ("json_bad_parse", "v8", r"SyntaxError: .*(JSON|is not valid JSON).*", {P + "json_bad_parse": 2}),
    ("in_operator_no_object", "*", r"TypeError: (Cannot use|cannot use|right-hand side of) .*'in'.*",
     {P + "in_operator_no_object": 2}),
    # --- V8: MDN's V8 line names one case of a family of messages ("on number '1'", "of #<Object>")
    ("array_sort_argument", "v8", r"TypeError: The comparison function must be either a function or undefined(: .*)?",
     {P + "array_sort_argument": 2}),  # newer V8 appends the argument
    ("cant_assign_to_property", "v8", r"TypeError: Cannot create property '.+' on \w+ '.*'",
     {P + "cant_assign_to_property": 2}),
    ("cant_convert_x_to_bigint", "v8", r"TypeError: Cannot convert .+ to a BigInt", {P + "cant_convert_x_to_bigint": 2}),
    ("cant_delete", "v8", r"TypeError: Cannot delete property '.+' of \[object Array\]",
     {P + "cant_delete": 2, P + "non_configurable_array_element": 1}),
    ("read-only", "v8", r"TypeError: Cannot assign to read only property '.+' of .+", {P + "read-only": 2}),
    ("is_not_iterable", "v8", r"TypeError: .+ is not (async )?iterable.*", {P + "is_not_iterable": 2}),
    ("is_not_iterable", "v8", r"TypeError: undefined is not a function",  # an iterator without next()
     {P + "is_not_iterable": 2, P + "not_a_function": 1}),
    ("no_properties", "v8", r"TypeError: Cannot read properties of (null|undefined) \(reading .*\)",
     {P + "no_properties": 2}),
    # --- V8: reported as another page's error
    ("bad_return", "v8", r"SyntaxError: Unexpected token '\}'", {U: 2, P + "bad_return": 1}),  # the stray brace
    ("missing_parenthesis_after_argument_list", "v8", r"SyntaxError: Invalid or unexpected token",
     {P + "string_literal_eol": 2, P + "missing_parenthesis_after_argument_list": 1}),  # 'Script\"); never closes
    # --- Firefox: SpiderMonkey's current wording differs from MDN's list
    ("no_properties", "firefox", (r"TypeError: (null|undefined) has no properties|"
                                  r"TypeError: can't access property \S+ of (null|undefined)"),
     {P + "no_properties": 2}),
    ("unexpected_type", "firefox", r"TypeError: can't access property .*, \S+ is (undefined|null)",
     {P + "unexpected_type": 2}),
    ("unexpected_type", "firefox", r"TypeError: \S+ is (undefined|null)", {P + "unexpected_type": 2}),
    ("called_on_incompatible_type", "firefox", r"TypeError: .+ called on incompatible .+",
     {P + "called_on_incompatible_type": 2}),
    ("deprecated_source_map_pragma", "firefox", r"Warning: (SyntaxError: )?Using //@ to indicate \w+ pragmas is deprecated.*",
     {P + "deprecated_source_map_pragma": 2}),
    ("illegal_character", "firefox", r"SyntaxError: illegal character( U\+[0-9A-F]+)?", {P + "illegal_character": 2}),
    ("is_not_iterable", "firefox", r"TypeError: .+\.next is not a function",  # an iterator without next()
     {P + "is_not_iterable": 2, P + "not_a_function": 1}),
    ("json_bad_parse", "firefox", r"SyntaxError: JSON\.parse: .*", {P + "json_bad_parse": 2}),
    ("more_arguments_needed", "firefox", r"TypeError: .+: At least \d+ arguments? required, but only \d+ passed",
     {P + "more_arguments_needed": 2}),
    ("no_variable_name", "firefox", r"SyntaxError: missing variable name(, got .*)?", {P + "no_variable_name": 2}),
    ("hash_outside_class#1", "firefox", r"SyntaxError: private names aren't valid in this context",
     {P + "hash_outside_class": 2}),
    # --- Firefox: reported as another page's error
    ("reserved_identifier", "firefox", r"SyntaxError: missing variable name, got reserved word .*",
     {P + "reserved_identifier": 2, P + "no_variable_name": 2}),  # no_variable_name's own example: `const debugger`
    ("hash_outside_class#2", "firefox", r"SyntaxError: reference to undeclared private field or method #\S+",
     {P + "hash_outside_class": 2, P + "undeclared_private_field_or_method": 2}),
    ("bad_optional_template", "firefox", r"SyntaxError: missing name after \. operator",
     {P + "missing_name_after_dot_operator": 2, P + "bad_optional_template": 1}),
    ("missing_bracket_after_list", "firefox", r"SyntaxError: expected expression, got .*",
     {U: 2, P + "missing_bracket_after_list": 1}),
    ("missing_curly_after_function_body", "firefox", r"SyntaxError: expected expression, got .*",
     {U: 2, P + "missing_curly_after_function_body": 1}),
    ("missing_parenthesis_after_argument_list", "firefox", r"SyntaxError: .* string literal contains an unescaped line break",
     {P + "string_literal_eol": 2, P + "missing_parenthesis_after_argument_list": 1}),
    ("unexpected_token", "firefox", r"SyntaxError: missing : after property id",
     {P + "missing_colon_after_property_id": 2, U: 1}),
    # --- any engine: MDN's example calls a method that does not exist (a not-a-function error)
    ("get_set_missing_private#3", "*", r"TypeError: \S+ is not a function", {P + "not_a_function": 2}),
]

# Pages whose message another page also explains in general terms (added when the page matched).
PAGE_EXTRAS = {
    "undeclared_var": {P + "not_defined": 1},  # V8 says "x is not defined" for both
}

# Messages that more pages explain (added to whatever matched, never lowering a grade).
CO_LABELS: list[tuple[str, str, dict[str, int]]] = [
    # the parser's generic "unexpected token" wording: the generic page is a neighbour
    ("v8", (r"SyntaxError: Unexpected (?:token|identifier|number|string|end of input|template string|"
            r"regular expression)(?!.*JSON).*"), {P + "unexpected_token": 1}),
    ("firefox", r"SyntaxError: (?:unexpected token: .*|expected expression, got .*|expected property name, got .*)",
     {P + "unexpected_token": 1}),
    ("v8", r"TypeError: Cannot read properties of undefined \(reading .*\)",
     {P + "unexpected_type": 2, P + "no_properties": 2}),
    ("v8", r"TypeError: Cannot read properties of null \(reading .*\)", {P + "no_properties": 2, P + "unexpected_type": 1}),
    ("firefox", r"TypeError: can't access property .*, \S+ is undefined", {P + "unexpected_type": 2, P + "no_properties": 2}),
    ("firefox", r"TypeError: can't access property .*, \S+ is null", {P + "no_properties": 2, P + "unexpected_type": 1}),
    ("firefox", r"TypeError: (can't access property \S+ of (null|undefined)|(null|undefined) has no properties)",
     {P + "no_properties": 2, P + "unexpected_type": 1}),
    # the let/var/const answer shows the temporal dead zone error
    ("v8", r"ReferenceError: Cannot access '.+' before initialization", {LET_VAR_CONST: 1}),
    ("firefox", r"ReferenceError: can't access lexical declaration '.+' before initialization", {LET_VAR_CONST: 1}),
]

_RULES = [(page, fam, re.compile(rx), grades) for page, fam, rx, grades in LABEL_RULES]
_CO = [(fam, re.compile(rx), grades) for fam, rx, grades in CO_LABELS]


def label_message(archive: dict[str, dict], page: str, engine: str, message: str,
                  n: int | None = None) -> tuple[dict[str, int], str]:
    """Grades for example #n of `page` whose engine printed `message` ('Type: text'); ({}, why) if none."""
    fam = FAMILY[engine]
    slug = page.split("/", 1)[1]
    keys = {slug, "*"} | ({f"{slug}#{n}"} if n is not None else set())
    grades: dict[str, int] = {}
    how = ""
    candidates = [message]
    wrapped = re.match(r"(\w+): Failed to (?:set|execute|read|construct) .*?: (.*)$", message)
    if fam == "v8" and wrapped:  # Blink wraps V8's message: "Failed to set the 'length' property on 'Array': ..."
        candidates.append(f"{wrapped.group(1)}: {wrapped.group(2)}")
    if any(rx.fullmatch(c) for rx in page_messages(archive, page).by_family[fam] for c in candidates):
        grades = {page: 2}
        how = "the page's Message section"
    else:
        for rpage, rfam, rx, g in _RULES:
            if rpage in keys and rfam in (fam, "*") and any(rx.fullmatch(c) for c in candidates):
                grades = dict(g)
                how = "reviewed rule"
                break
    if not grades:
        return {}, f"{message!r} is not this page's error for {engine}"
    if page in grades:
        for k, v in PAGE_EXTRAS.get(slug, {}).items():
            grades.setdefault(k, v)
    for cfam, rx, g in _CO:
        if cfam in (fam, "*") and rx.fullmatch(message):
            for k, v in g.items():
                grades[k] = max(grades.get(k, 0), v)
    return grades, how


# ---------------------------------------------------------------------------------------------
# Reading the engines' messages
# ---------------------------------------------------------------------------------------------

NODE_ERR_RE = re.compile(r"^((?:[A-Z]\w*)?(?:Error|Exception))(?: \[\w+\])?: (.*)$")
NODE_HEADER_RE = re.compile(r"^(?:file://)?/\S*:\d+$")


def node_message(text: str) -> str | None:
    """'Type: message' of the error Node printed (after the file:line / source / caret block)."""
    lines = text.splitlines()
    i = 0
    if lines and NODE_HEADER_RE.match(lines[0]):
        while i < len(lines) and lines[i].strip():
            i += 1
    for line in lines[i:]:
        m = NODE_ERR_RE.match(line)
        if m:
            return f"{m.group(1)}: {m.group(2)}"
    return None


CHROMIUM_LINE_RE = re.compile(r':CONSOLE(?:\(\d+\))?:?\d*\] "(.*)", source: (\S*) \((\d+)\)$')
CHROMIUM_ERR_RE = re.compile(r"^Uncaught (?:\(in promise\) )?(\w*(?:Error|Exception)): (.*)$", re.DOTALL)
FIREFOX_LINE_RE = re.compile(r"^JavaScript (error|warning): (\S*), line (\d+): (.*)$")
FIREFOX_ERR_RE = re.compile(r"^(\w*(?:Error|Exception)|Warning): (.*)$")


CHROMIUM_START_RE = re.compile(r"^\[\d+:\d+:\d+/[\d.]+:INFO:CONSOLE")
CHROMIUM_END_RE = re.compile(r'", source: \S* \(\d+\)$')


def chromium_entries(lines: list[str]) -> list[list[str]]:
    """Console entries of Chromium's log: a message with newlines spans several lines, from the
    [pid:tid:...:INFO:CONSOLE...] line to the one ending in '", source: URL (N)'."""
    entries, cur = [], None
    for line in lines:
        if CHROMIUM_START_RE.match(line):
            cur = [line]
            entries.append(cur)
        elif cur is not None and not CHROMIUM_END_RE.search(cur[-1]):
            cur.append(line)
        else:
            cur = None
    return [e for e in entries if CHROMIUM_END_RE.search(e[-1])]


def chromium_message(lines: list[str]) -> str | None:
    """'Type: first line of the message' of the first uncaught error in the console lines."""
    for entry in chromium_entries(lines):
        m = re.search(r':CONSOLE(?:\(\d+\))?:?\d*\] "(.*)', entry[0])
        if m:
            e = CHROMIUM_ERR_RE.match(m.group(1))
            if e:
                return f"{e.group(1)}: {CHROMIUM_END_RE.sub('', e.group(2))}"
    return None


def firefox_message(lines: list[str]) -> str | None:
    for line in lines:
        m = FIREFOX_LINE_RE.match(line)
        if m:
            if m.group(1) == "warning":
                return f"Warning: {m.group(4)}"
            e = FIREFOX_ERR_RE.match(m.group(4))
            if e:
                return f"{e.group(1)}: {e.group(2)}"
    return None


# ---------------------------------------------------------------------------------------------
# A localhost http server (static files, scripted routes for API/CORS cases, /__done for runners)
# ---------------------------------------------------------------------------------------------


class Server:
    """Serve `root` on 127.0.0.1:`port` in a thread.  routes: {"GET /api/x" or "/api/x": {"status",
    "headers", "body" or "file", "delay"}}.  A request for /__done sets `done` (used by the runner pages)."""

    def __init__(self, root: Path, port: int, routes: dict | None = None):
        self.root, self.routes = root, routes or {}
        self.done = threading.Event()
        self.done_time = 0.0
        self.first_request: float | None = None
        self.port = port if port_free(port) else free_port()
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **kw):
                super().__init__(*a, directory=str(server.root), **kw)

            def log_message(self, *a):
                pass

            def _route(self) -> bool:
                if server.first_request is None:
                    server.first_request = time.time()
                path = self.path.split("?", 1)[0]
                if path == "/__done":
                    server.done_time = time.time()
                    server.done.set()
                    self.send_response(204)
                    self.end_headers()
                    return True
                spec = server.routes.get(f"{self.command} {path}") or (
                    server.routes.get(path) if self.command in ("GET", "HEAD") else None)
                if spec is None:
                    return False
                if spec.get("delay"):
                    time.sleep(float(spec["delay"]))
                if "file" in spec:
                    body = (server.root / spec["file"]).read_bytes()
                else:
                    body = str(spec.get("body", "")).encode()
                self.send_response(int(spec.get("status", 200)))
                headers = spec.get("headers") or {}
                for k, v in headers.items():
                    for one in (v if isinstance(v, list) else [v]):
                        self.send_header(k, one)
                if not any(k.lower() == "content-length" for k in headers):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return True

            def do_GET(self):
                if not self._route():
                    super().do_GET()

            def do_HEAD(self):
                if not self._route():
                    super().do_HEAD()

            def _other(self):
                if not self._route():
                    self.send_error(501, f"Unsupported method ({self.command!r})")

            do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _other

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as http.server does
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# Browsers
# ---------------------------------------------------------------------------------------------


def run_browser(cmd: list[str], env: dict, finished, timeout: float, stdout_too: bool) -> str:
    """Run a browser until it exits, `finished()` turns true, or the timeout; return what it printed
    (Chromium: stderr, where --enable-logging writes; Firefox: stdout and stderr as one stream)."""
    chunks: list[bytes] = []
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE if stdout_too else subprocess.DEVNULL,
                            stderr=subprocess.STDOUT if stdout_too else subprocess.PIPE,
                            start_new_session=True)
    stream = proc.stdout if stdout_too else proc.stderr

    def reader():
        chunks.extend(iter(stream.readline, b""))

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    deadline = time.time() + timeout
    while proc.poll() is None and time.time() < deadline and not finished():
        time.sleep(0.1)
    if proc.poll() is None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)  # the browser and its child processes (our own session)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=5)
                break
            except subprocess.TimeoutExpired:
                continue
    t.join(timeout=5)
    return b"".join(chunks).decode("utf-8", "replace")


def chromium_cmd(url: str, profile: Path, budget_ms: int) -> list[str]:
    return ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}",
            "--dump-dom", url]


def firefox_profile(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    lines = ["// Headless Firefox that prints page errors to the terminal and stays off the network."]
    for k, v in FIREFOX_PREFS.items():
        lines.append(f"user_pref({json.dumps(k)}, {json.dumps(v)});")
    (path / "user.js").write_text("\n".join(lines) + "\n")


def firefox_cmd(url: str, profile: Path) -> list[str]:
    return ["firefox-esr", "--headless", "--no-remote", "--profile", str(profile), url]


def firefox_env(home: Path) -> dict:
    env = base_env(home, {"HOME": str(home), "MOZ_REMOTE_SETTINGS_DEVTOOLS": "1"})
    env.pop("DISPLAY", None)
    return env


# ---------------------------------------------------------------------------------------------
# Running the archive's examples
# ---------------------------------------------------------------------------------------------


def example_record(ex: Example, engine: str, text: str, grades: dict[str, int], message: str, how: str) -> dict:
    tool = tool_version("node" if engine == "node" else engine) or engine
    where = {"node": "under Node as a script" if not ex.module else "under Node as an ES module",
             "chromium": "in a page in headless Chromium (its console lines, as grep CONSOLE keeps them)",
             "firefox": "in a page in headless Firefox ESR (its 'JavaScript error' lines)"}[engine]
    return {
        "id": f"jsx-mdn-{engine}-{ex.slug}-{ex.n}",
        "ecosystem": "javascript" if engine == "node" else "browser",
        "tool": tool,
        "text": text,
        "relevant": sorted(grades, key=lambda k: (-grades[k], k)),
        "grades": dict(sorted(grades.items(), key=lambda kv: (-kv[1], kv[0]))),
        "in_archive": bool(grades),
        "note": f"The archive's own broken example ({ex.page}, example-bad #{ex.n}) run {where}: "
                f"{message} (labelled by {how}).",
        "program": ex.program,
    }


def judge(archive: dict, ex: Example, engine: str, message: str | None) -> tuple[dict[str, int], str]:
    if message is None:
        return {}, "the engine printed no error (the example does not throw here)"
    return label_message(archive, ex.page, engine, message, ex.n)


def run_node_examples(archive: dict, examples: list[Example]) -> tuple[list[dict], list[tuple[str, str]]]:
    records, dropped = [], []
    by_dir: dict[str, list[Example]] = {}
    for ex in examples:
        if ex.html:
            dropped.append((f"{ex.page} #{ex.n}", "node: an HTML example (browsers only)"))
            continue
        by_dir.setdefault(pick(f"{ex.page}#{ex.n}", SCRATCH_DIRS), []).append(ex)
    for d, exs in sorted(by_dir.items()):
        workdir = Path(d)
        files: dict[str, str] = {}
        entries: dict[int, str] = {}
        for ex in exs:
            if len(ex.files) > 1:
                sub = f"test{ex.idx}"
                files[f"{sub}/package.json"] = '{\n  "type": "module"\n}\n'
                for name, text in ex.files.items():
                    files[f"{sub}/{name}"] = text
                entries[ex.idx] = f"{sub}/{ex.entry}"
            else:
                name = f"test{ex.idx}.mjs" if ex.module else f"test{ex.idx}.js"
                files[name] = ex.files[ex.entry]
                entries[ex.idx] = name
        try:
            stage(workdir, files=files)
        except (OSError, RuntimeError) as exc:
            dropped.extend((f"{ex.page} #{ex.n}", f"node: could not stage: {exc}") for ex in exs)
            continue
        try:
            env = base_env(workdir)
            for ex in exs:
                rc, text = run_in(workdir, f"node {entries[ex.idx]}", env, timeout=30)
                key = f"{ex.page} #{ex.n}"
                if rc is None:
                    dropped.append((key, "node: timed out"))
                    continue
                message = node_message(text) if rc != 0 else None
                if message and re.fullmatch(r"ReferenceError: (\w+) is not defined", message) and \
                        message.split()[1] in DOM_GLOBALS:
                    dropped.append((key, f"node: {message} (the example needs a DOM; run in the browsers)"))
                    continue
                grades, how = judge(archive, ex, "node", message)
                if not grades:
                    dropped.append((key, f"node: {how}"))
                    continue
                records.append(example_record(ex, "node", text, grades, message, how))
        finally:
            unstage(workdir)
    return records, dropped


RUNNER_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>snippets</title></head>
<body>
<script>
// Loads every snippet in its own iframe, one after another, and marks each start.
const snippets = %s;
const say = (s) => (typeof dump === "function" ? dump(s + "\\n") : console.log(s));
let i = 0;
function next() {
  if (i >= snippets.length) {
    say("@@done");
    fetch("/__done");
    return;
  }
  const name = snippets[i++];
  say("@@begin " + name);
  const frame = document.createElement("iframe");
  let moved = false;
  const go = () => { if (!moved) { moved = true; setTimeout(() => { frame.remove(); next(); }, %d); } };
  frame.addEventListener("load", go);
  setTimeout(go, 4000);
  frame.src = name + "/";
  document.body.appendChild(frame);
}
next();
</script>
</body>
</html>
"""

SNIPPET_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>snippet</title></head>
<body>
<script%s src="%s"></script>
</body>
</html>
"""


def snippet_dir(ex: Example) -> str:
    return f"s{ex.idx:03d}"


def browser_site(examples: list[Example], delay_ms: int) -> dict[str, str]:
    files = {"index.html": RUNNER_PAGE % (json.dumps([snippet_dir(e) for e in examples]), delay_ms)}
    for ex in examples:
        d = snippet_dir(ex)
        for name, text in ex.files.items():
            files[f"{d}/{name}"] = text
        if not ex.html:
            files[f"{d}/index.html"] = SNIPPET_PAGE % (' type="module"' if ex.module else "", ex.entry)
    return files


def split_segments(text: str, marker_re: re.Pattern) -> dict[str, list[str]]:
    segs: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        m = marker_re.search(line)
        if m:
            current = m.group(1)
            segs.setdefault(current, [])
            continue
        if current is not None:
            segs[current].append(line)
    return segs


def run_browser_examples(engine: str, archive: dict, examples: list[Example]) -> tuple[list[dict], list[tuple[str, str]]]:
    records, dropped = [], []
    port = 8161 if engine == "chromium" else 8162
    with tempfile.TemporaryDirectory(prefix="khub-jsx-") as tmp:
        site = Path(tmp) / "site"
        for rel, body in browser_site(examples, 150 if engine == "chromium" else 250).items():
            p = site / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(body, encoding="utf-8")
        with Server(site, port) as srv:
            url = f"http://127.0.0.1:{srv.port}/"
            def finished() -> bool:
                return srv.done.is_set() and time.time() - srv.done_time > 1.0

            if engine == "chromium":
                cmd = chromium_cmd(url, Path(tmp) / "profile", 600_000)
                out = run_browser(cmd, base_env(Path(tmp)), finished, timeout=600, stdout_too=False)
                segs = split_segments(out, re.compile(r':CONSOLE(?:\(\d+\))?:?\d*\] "@@begin (s\d+)"'))
            else:
                firefox_profile(Path(tmp) / "profile")
                cmd = firefox_cmd(url, Path(tmp) / "profile")
                out = run_browser(cmd, firefox_env(Path(tmp)), finished, timeout=600, stdout_too=True)
                segs = split_segments(out, re.compile(r"^@@begin (s\d+)$"))
    if not segs:
        raise RuntimeError(f"{engine} printed no runner markers:\n{out[-1500:]}")
    for ex in examples:
        key, d = f"{ex.page} #{ex.n}", snippet_dir(ex)
        if d not in segs:
            dropped.append((key, f"{engine}: the runner never reached this example"))
            continue
        if engine == "chromium":
            lines = [ln for entry in chromium_entries(segs[d]) if f"/{d}/" in entry[-1] for ln in entry]
            message = chromium_message(lines)
        else:
            lines = []
            for ln in segs[d]:
                m = FIREFOX_LINE_RE.match(ln)
                if m and (f"/{d}/" in m.group(2) or m.group(2) == ""):
                    lines.append(ln)
            message = firefox_message(lines)
        grades, how = judge(archive, ex, engine, message)
        if not grades:
            dropped.append((key, f"{engine}: {how}"))
            continue
        records.append(example_record(ex, engine, "\n".join(lines) + "\n", grades, message, how))
    return records, dropped


# ---------------------------------------------------------------------------------------------
# Written programs: examples/javascript/<name>/case.json
# ---------------------------------------------------------------------------------------------
#
# case.json fields
#   group        "written" (default) or "oneline" (a one-line command: node -e, node --check, a missing file)
#   kind         "node" (default: bash `run` in the workdir; ecosystem "javascript") or "browser"
#   workdir      where the folder is copied (realistic: /home/<user>/..., /srv/..., /var/www/...)
#   run, setup   bash commands (setup's output is discarded); env; timeout; pty; exit_zero_ok
#   links        {"node_modules": "@node_modules"}: a hard-linked copy of tests/traces/node/node_modules
#   home         HOME for the run (npm's cache and logs go to HOME/.npm; removed afterwards if we made it)
#   tools        probed for versions (node, npm, express, react, chromium, firefox); a missing one skips
#   browser kind: engines ["chromium", "firefox"]; url (path, default "/"); servers [{"port", "dir",
#                "routes"}] (the first serves the page); budget_ms (Chromium virtual time, default 5000);
#                settle (Firefox: seconds after the page was requested, default 2.5); filter
#                {"chromium": "console" (grep CONSOLE, default) | "all" | "noise" (grep -v D-Bus/GPU noise),
#                 "firefox": "errors" (grep '^(JavaScript error|JavaScript warning|console.error: ")',
#                 default) | "all"}
#   relevant, grades, in_archive, note   the labels; by_engine {engine: {...}} overrides them per engine
#   program      optional description for the record's "program" field


@dataclass
class Written:
    name: str
    folder: Path
    spec: dict

    @property
    def group(self) -> str:
        return self.spec.get("group", "written")

    @property
    def kind(self) -> str:
        return self.spec.get("kind", "node")

    def ids(self) -> list[str]:
        if self.kind == "browser":
            return [f"jsx-{self.name}-{e}" for e in self.spec.get("engines", ["chromium", "firefox"])]
        return [f"jsx-{self.name}"]


def load_written() -> list[Written]:
    out = []
    if not PROGRAMS.exists():
        return out
    for d in sorted(p for p in PROGRAMS.iterdir() if p.is_dir() and not p.name.startswith("_")):
        f = d / "case.json"
        if not f.exists():
            print(f"  {d.name}: no case.json, skipped")
            continue
        try:
            out.append(Written(d.name, d, json.loads(f.read_text())))
        except ValueError as exc:
            print(f"  {d.name}: bad case.json ({exc}), skipped")
    return out


def labels_for(w: Written, engine: str | None) -> dict:
    spec = dict(w.spec)
    if engine:
        spec.update((w.spec.get("by_engine") or {}).get(engine, {}))
    grades = dict(spec.get("grades") or {})
    return {
        "relevant": list(spec.get("relevant") or sorted(grades, key=lambda k: (-grades[k], k))),
        "grades": grades,
        "in_archive": bool(spec.get("in_archive", bool(grades))),
        "note": spec.get("note", ""),
    }


def written_record(w: Written, engine: str | None, tool: str, text: str) -> dict:
    rec = {
        "id": f"jsx-{w.name}-{engine}" if w.kind == "browser" else f"jsx-{w.name}",
        "ecosystem": "browser" if w.kind == "browser" else "javascript",
        "tool": tool,
        "text": text,
    }
    rec.update(labels_for(w, engine))
    what = w.spec.get("program") or f"examples/javascript/{w.name}"
    rec["program"] = ("one-line: " if w.group == "oneline" else "written: ") + what + (f" ({engine})" if engine else "")
    return rec


def tools_line(names: list[str]) -> tuple[str | None, str | None]:
    versions = []
    for t in names:
        v = tool_version(t)
        if v is None:
            return None, f"tool {t!r} is not available"
        versions.append(v)
    return " + ".join(versions), None


def stage_written(w: Written) -> Path:
    workdir = Path(w.spec.get("workdir") or f"/home/dev/{w.name}")
    stage(workdir, folder=w.folder)
    for name, what in (w.spec.get("links") or {}).items():
        if what != "@node_modules":
            raise RuntimeError(f"unknown link {what!r}")
        link_node_modules(workdir / name)
    return workdir


def run_written_node(w: Written) -> tuple[list[dict], str | None]:
    tool, why = tools_line(w.spec.get("tools") or ["node"])
    if tool is None:
        return [], why
    workdir = stage_written(w)
    home = Path(w.spec["home"]) if w.spec.get("home") else None
    npm_dir_existed = bool(home and (home / ".npm").exists())
    try:
        env = base_env(workdir, w.spec.get("env"))
        if home:
            env["HOME"] = str(home)
        timeout = int(w.spec.get("timeout", 60))
        if w.spec.get("setup"):
            rc, out = run_in(workdir, w.spec["setup"], env, timeout)
            if rc != 0:
                return [], f"setup failed ({rc}): {out.strip()[-400:]}"
        if w.spec.get("pty"):
            env["TERM"] = "xterm-256color"
        rc, text = run_in(workdir, w.spec["run"], env, timeout, pty=bool(w.spec.get("pty")))
        if rc is None:
            return [], f"timed out after {timeout} s"
        if not text.strip():
            return [], f"no output (exit {rc})"
        if rc == 0 and not w.spec.get("exit_zero_ok"):
            return [], f"exit code 0: the program did not fail\n{text[-600:]}"
        return [written_record(w, None, tool, text)], None
    finally:
        if home and not npm_dir_existed and (home / ".npm").exists():
            shutil.rmtree(home / ".npm", ignore_errors=True)
        unstage(workdir)


NOISE_RE = re.compile(r"dbus|D-Bus|vaapi|sandbox_linux|bluez|unexpected operator|gpu_|viz_main|gl_surface|"
                      r"ui/gfx|angle|mesa", re.IGNORECASE)
FIREFOX_KEEP_RE = re.compile(r'^(JavaScript error|JavaScript warning|console\.error: ")')


def run_written_browser(w: Written, engine: str) -> tuple[dict | None, str | None]:
    tool, why = tools_line([*(t for t in (w.spec.get("tools") or []) if t not in ("chromium", "firefox")), engine])
    if tool is None:
        return None, why
    workdir = stage_written(w)
    try:
        env = base_env(workdir, w.spec.get("env"))
        if w.spec.get("setup"):
            rc, out = run_in(workdir, w.spec["setup"], env, int(w.spec.get("timeout", 60)))
            if rc != 0:
                return None, f"setup failed ({rc}): {out.strip()[-400:]}"
        servers = [Server(workdir / s.get("dir", "."), int(s.get("port", 8170)), s.get("routes"))
                   for s in (w.spec.get("servers") or [{"port": 8170, "dir": "."}])]
        # A page may name another server's port (a CORS API): those must not move.
        for s, spec in zip(servers, w.spec.get("servers") or [{}]):
            if spec.get("port") and s.port != int(spec["port"]):
                for srv in servers:
                    srv.httpd.server_close()
                return None, f"port {spec['port']} is busy"
        for s in servers:
            s.__enter__()
        try:
            url = f"http://127.0.0.1:{servers[0].port}{w.spec.get('url', '/')}"
            with tempfile.TemporaryDirectory(prefix="khub-jsx-") as tmp:
                filt = (w.spec.get("filter") or {}).get(engine)
                if engine == "chromium":
                    cmd = chromium_cmd(url, Path(tmp) / "profile", int(w.spec.get("budget_ms", 5000)))
                    out = run_browser(cmd, base_env(workdir), lambda: False, timeout=90, stdout_too=False)
                    lines = out.splitlines()
                    if filt in (None, "console"):
                        lines = [ln for e in chromium_entries(lines) for ln in e]
                    elif filt == "noise":
                        lines = [ln for ln in lines if not NOISE_RE.search(ln)]
                else:
                    firefox_profile(Path(tmp) / "profile")
                    settle = float(w.spec.get("settle", 2.5))
                    first = servers[0]

                    def finished() -> bool:
                        return first.first_request is not None and time.time() - first.first_request > settle

                    out = run_browser(firefox_cmd(url, Path(tmp) / "profile"), firefox_env(Path(tmp)), finished,
                                      timeout=60, stdout_too=True)
                    lines = out.splitlines()
                    if filt in (None, "errors"):
                        lines = [ln for ln in lines if FIREFOX_KEEP_RE.match(ln)]
        finally:
            for s in servers:
                s.__exit__(None, None, None)
        text = "\n".join(lines) + "\n" if lines else ""
        if not text.strip():
            return None, f"{engine} printed nothing that was kept\n{out[-800:]}"
        return written_record(w, engine, tool, text), None
    finally:
        unstage(workdir)


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def part_of(rec: dict) -> str:
    m = re.match(r"jsx-mdn-(node|chromium|firefox)-", rec["id"])
    if m:
        return m.group(1)
    return "oneline" if rec.get("program", "").startswith("one-line:") else "written"


def mdn_page_of(rec: dict) -> str | None:
    m = re.match(r"jsx-mdn-(?:node|chromium|firefox)-(.+)-\d+$", rec["id"])
    return m.group(1) if m else None


def read_existing() -> dict[str, dict]:
    out = {}
    if OUT.exists():
        for line in OUT.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


FIELDS = ["id", "ecosystem", "tool", "text", "relevant", "grades", "in_archive", "note", "program"]


def write(records: dict[str, dict]) -> None:
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for rid in sorted(records):
            rec = records[rid]
            fh.write(json.dumps({k: rec.get(k) for k in FIELDS}, ensure_ascii=False) + "\n")


def label_problems(rec: dict, archive: dict) -> list[str]:
    problems = []
    for eid in rec["relevant"]:
        if eid not in archive:
            problems.append(f"unknown archive id {eid}")
    if set(rec["relevant"]) != set(rec["grades"]):
        problems.append("relevant and grades disagree")
    if any(g not in (1, 2) for g in rec["grades"].values()):
        problems.append("grades must be 1 or 2")
    if rec["in_archive"] != bool(rec["relevant"]):
        problems.append("in_archive must be true exactly when relevant is non-empty")
    return problems


def summary(records: dict[str, dict]) -> str:
    from collections import Counter
    c: Counter = Counter()
    grade2 = set()
    for rec in records.values():
        part = part_of(rec)
        engine = part if part in ("node", "chromium", "firefox") else (
            "firefox" if rec["id"].endswith("-firefox") else "chromium" if rec["id"].endswith("-chromium") else "node")
        c[(part, engine, rec["in_archive"])] += 1
        grade2 |= {k for k, v in rec["grades"].items() if v == 2}
    lines = [f"{'part':8} {'engine':9} {'in':>4} {'out':>4}"]
    for part in PARTS:
        for engine in ("node", "chromium", "firefox"):
            i, o = c[(part, engine, True)], c[(part, engine, False)]
            if i or o:
                lines.append(f"{part:8} {engine:9} {i:4} {o:4}")
    tot_in = sum(v for k, v in c.items() if k[2])
    tot_out = sum(v for k, v in c.items() if not k[2])
    lines.append(f"total: {len(records)} ({tot_in} in archive, {tot_out} not); {len(grade2)} distinct entries at grade 2")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help=f"comma-separated parts: {','.join(PARTS)}")
    ap.add_argument("--case", action="append", default=[], help="written/oneline: only this case id (repeatable)")
    ap.add_argument("--page", action="append", default=[], help="node/chromium/firefox: only this mdn-js-errors "
                                                                 "page slug (repeatable)")
    ap.add_argument("--print", action="store_true", help="print each captured text")
    ap.add_argument("--quiet-drops", action="store_true", help="do not list the examples that were dropped")
    args = ap.parse_args(argv)

    if args.only:
        parts = [p.strip() for p in args.only.split(",")]
    elif args.case and not args.page:
        parts = ["written", "oneline"]
    elif args.page and not args.case:
        parts = ["node", "chromium", "firefox"]
    else:
        parts = list(PARTS)
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        ap.error(f"unknown part(s): {', '.join(unknown)}")
    if os.geteuid() != 0:
        print("note: not root; staging under /home, /srv and /var/www may fail")

    archive = load_archive()
    if not archive:
        print("the archive (shared/corpus-public/entries.jsonl) was not found; nothing to label against")
        return 1
    existing = read_existing()
    new: dict[str, dict] = {}
    ran: set[str] = set()
    kept_skipped: set[str] = set()  # ids whose tool is missing: keep their previous capture

    mdn_parts = [p for p in parts if p in ("node", "chromium", "firefox")]
    if mdn_parts:
        examples = extract_examples(archive)
        if args.page:
            examples = [e for e in examples if e.slug in set(args.page)]
        print(f"{len(examples)} example-bad blocks in {len({e.page for e in examples})} mdn-js-errors pages")
        for part in mdn_parts:
            t0 = time.time()
            if tool_version(part) is None:
                print(f"== {part}: skipped, {part} is not installed")
                continue
            print(f"== {part} ({tool_version(part)})")
            try:
                if part == "node":
                    recs, dropped = run_node_examples(archive, examples)
                else:
                    recs, dropped = run_browser_examples(part, archive, examples)
            except Exception as exc:  # noqa: BLE001 - one engine failing must not stop the others
                print(f"  {part} failed: {exc!r}")
                continue
            ran.add(part)
            for r in recs:
                new[r["id"]] = r
                if args.print:
                    print(f"--- {r['id']} {r['grades']}\n{r['text']}")
            print(f"  {len(recs)} kept, {len(dropped)} dropped ({time.time() - t0:.0f} s)")
            if not args.quiet_drops:
                for key, why in dropped:
                    print(f"  dropped {key}: {why.splitlines()[0]}")

    written_parts = [p for p in parts if p in ("written", "oneline")]
    if written_parts:
        cases = [w for w in load_written() if w.group in written_parts]
        if args.case:
            cases = [w for w in cases if set(w.ids()) & set(args.case) or w.name in args.case]
        for part in written_parts:
            mine = [w for w in cases if w.group == part]
            print(f"== {part} ({len(mine)} programs)")
            ran.add(part)
            for w in mine:
                t0 = time.time()
                engines = w.spec.get("engines", ["chromium", "firefox"]) if w.kind == "browser" else [None]
                for engine in engines:
                    rid = f"jsx-{w.name}-{engine}" if engine else f"jsx-{w.name}"
                    try:
                        if engine:
                            rec, why = run_written_browser(w, engine)
                            recs = [rec] if rec else []
                        else:
                            recs, why = run_written_node(w)
                    except Exception as exc:  # noqa: BLE001 - one broken program must not stop the others
                        recs, why = [], f"crashed: {exc!r}"
                    if not recs:
                        print(f"  SKIP {rid}: {why}")
                        if why and why.startswith("tool "):
                            kept_skipped.add(rid)
                        continue
                    for r in recs:
                        new[r["id"]] = r
                        if args.print:
                            print(f"--- {r['id']} {r['grades']}\n{r['text']}")
                    print(f"  ok   {rid} ({time.time() - t0:.1f} s, {len(recs[0]['text'])} chars)")

    # Merge: records of the parts (and pages/cases) that ran are replaced, the rest are kept.
    def selected(rec: dict) -> bool:
        part = part_of(rec)
        if part not in ran or rec["id"] in kept_skipped:
            return False
        if part in ("node", "chromium", "firefox") and args.page:
            return mdn_page_of(rec) in set(args.page)
        if part in ("written", "oneline") and args.case:
            return rec["id"] in set(args.case) or any(rec["id"].startswith(f"jsx-{c}") for c in args.case)
        return True

    merged = {rid: rec for rid, rec in existing.items() if not selected(rec)}
    merged.update(new)
    # Labels of written programs always come from case.json (relabelling needs no re-run).
    specs = {rid: (w, rid.rsplit("-", 1)[1] if w.kind == "browser" else None) for w in load_written() for rid in w.ids()}
    for rid, rec in list(merged.items()):
        if part_of(rec) in ("written", "oneline"):
            if rid not in specs:
                del merged[rid]
                continue
            w, engine = specs[rid]
            rec.update(labels_for(w, engine))
    problems = [f"{rid}: {p}" for rid, rec in sorted(merged.items()) for p in label_problems(rec, archive)]
    if problems:
        print("label problems:")
        for p in problems:
            print("  " + p)
    write(merged)
    print(f"wrote {len(merged)} cases to {OUT.relative_to(TRACES.parent.parent)} ({len(new)} captured now)")
    print(summary(merged))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

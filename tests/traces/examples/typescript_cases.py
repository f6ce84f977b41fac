#!/usr/bin/env python3
"""Real tsc outputs labelled with the archive's ts-error-translator entries: writes cases/typescript-examples.jsonl.

Each case is a small project under examples/typescript/<name>/ (tsconfig.json, src/..., sometimes a
package.json) plus a case.json:

    workdir    where the project is staged (a realistic path such as /home/ana/code/web-app)
    run        the bash command, e.g. "npx tsc -p ." or "npx tsc -p . --pretty" or "npm run -s typecheck"
    tsc        "5" (default: typescript 5.x) or "7" (the native TypeScript 7 preview, installed as
               node_modules/typescript the way a project that depends on typescript@7 has it)
    env        extra environment variables (optional)
    relevant / grades / in_archive / note       the labels
    aliases    optional {entry id: "TSnnnn"}: a grade-2 entry whose code tsc prints under another
               number (TS6244's message is TS2748 in TypeScript 5)

Labels: the entry whose code tsc printed for the primary (first, or intended) diagnostic is grade 2;
other printed codes that have an entry are grade 1, as are entries whose message tsc prints only as an
elaboration line under another code (tsc prints no code for those: TS2326, TS2327, TS2324, TS2761,
TS5075).  Labels are read again from case.json on every write; the run prints a warning when the
printed codes and the labels disagree.

The tools come from tests/traces/node (npm ci there): the needed packages are hard-linked into the
staged project's node_modules, so paths in the output are the project's own.

Usage:
    python tests/traces/examples/typescript_cases.py            # all cases (~2-3 min)
    python tests/traces/examples/typescript_cases.py --case tsx-ts2322-api-response --print

Must run as root (it stages projects under /home).  Stdlib only.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent  # tests/traces/examples
TRACES = HERE.parent
PROGRAMS = HERE / "typescript"
OUT = TRACES / "cases" / "typescript-examples.jsonl"
NODE_MODULES = TRACES / "node" / "node_modules"
STAGE_MARKER = ".khub-trace-stage"  # the same marker as generate.py
MARKER_TEXT = "staged by tests/traces/examples/typescript_cases.py; removed after the run\n"
TIMEOUT = 180
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")

# what a project's node_modules holds: typescript (5 or 7) and @types/node
PKGS_TSC5 = [("typescript", "typescript"), ("@types/node", "@types/node"), ("undici-types", "undici-types")]
PKGS_TSC7 = [("typescript7", "typescript"), ("@typescript/typescript-linux-x64", "@typescript/typescript-linux-x64"),
             ("@types/node", "@types/node"), ("undici-types", "undici-types")]


def sh(cmd, timeout=60, **kw) -> tuple[int, str]:
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, **kw)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError) as exc:
        return 127, str(exc)


def tool_versions() -> dict[str, str | None]:
    node = None
    if shutil.which("node"):
        code, out = sh(["node", "--version"])
        node = out.strip() if code == 0 else None
    out = {"node": node, "5": None, "7": None}
    for key, pkgs in (("5", PKGS_TSC5), ("7", PKGS_TSC7)):
        if node and all((NODE_MODULES / src).exists() for src, _ in pkgs):
            main = pkgs[0][0]
            code, v = sh(["node", str(NODE_MODULES / main / "bin" / "tsc"), "--version"])
            m = re.search(r"Version (\S+)", v)
            out[key] = m.group(1) if code == 0 and m else None
    return out


def shared_dir() -> Path:
    env = os.environ.get("KHUB_SHARED")
    if env:
        return Path(env)
    for cand in (TRACES.parents[2] / "shared", Path("/work/shared")):
        if cand.exists():
            return cand
    return Path("/work/shared")


def load_archive() -> dict[str, dict]:
    path = shared_dir() / "corpus-public" / "entries.jsonl"
    out = {}
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    e = json.loads(line)
                    out[e["id"]] = e
    for md in (TRACES.parents[1] / "corpus").glob("*/*.md"):
        m = re.search(r"^id:\s*(\S+)", md.read_text(encoding="utf-8"), re.M)
        if m:
            out.setdefault(m.group(1), {"id": m.group(1)})
    return out


def codes_printed(text: str) -> list[str]:
    seen = []
    for code in re.findall(r"error TS(\d+)", ANSI_RE.sub("", text)):
        if "TS" + code not in seen:
            seen.append("TS" + code)
    return seen


def _link_tree(src: Path, dst: Path) -> None:
    def link_or_copy(s, d):
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)

    shutil.copytree(src, dst, symlinks=True, copy_function=link_or_copy)


def stage(workdir: Path, folder: Path, tsc: str) -> None:
    if workdir.exists():
        marker = workdir / STAGE_MARKER
        if not marker.exists() or "typescript_cases.py" not in marker.read_text(errors="replace"):
            raise RuntimeError(f"{workdir} exists and was not staged by this script; refusing to touch it")
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    (workdir / STAGE_MARKER).write_text(MARKER_TEXT)
    for item in folder.iterdir():
        if item.name == "case.json":
            continue
        if item.is_dir():
            shutil.copytree(item, workdir / item.name, symlinks=True)
        else:
            shutil.copy2(item, workdir / item.name)
    nm = workdir / "node_modules"
    for src, dst in (PKGS_TSC7 if tsc == "7" else PKGS_TSC5):
        (nm / dst).parent.mkdir(parents=True, exist_ok=True)
        _link_tree(NODE_MODULES / src, nm / dst)
    (nm / ".bin").mkdir(exist_ok=True)
    (nm / ".bin" / "tsc").symlink_to("../typescript/bin/tsc")


def unstage(workdir: Path) -> None:
    marker = workdir / STAGE_MARKER
    if not marker.exists() or "typescript_cases.py" not in marker.read_text(errors="replace"):
        return
    shutil.rmtree(workdir, ignore_errors=True)
    parent = workdir.parent
    while parent not in (Path("/"), Path("/home"), Path("/srv"), Path("/var"), Path("/var/www"), Path("/opt"),
                         Path("/tmp"), Path("/root")):
        try:
            parent.rmdir()
        except OSError:
            break
        parent = parent.parent


def case_env(workdir: Path, spec: dict) -> dict:
    env = dict(os.environ)
    for key in list(env):
        if key.startswith(("NODE_", "FORCE_COLOR", "NO_COLOR", "CLICOLOR", "npm_", "NPM_")):
            env.pop(key)
    env.update({
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb", "PWD": str(workdir),
        "PATH": f"{workdir / 'node_modules' / '.bin'}:{env.get('PATH', '/usr/bin:/bin')}",
        "npm_config_update_notifier": "false", "npm_config_fund": "false", "npm_config_audit": "false",
        "npm_config_offline": "true",
    })
    env.update(spec.get("env") or {})
    return env


def load_cases() -> list[tuple[str, Path, dict]]:
    out = []
    if not PROGRAMS.exists():
        return out
    for d in sorted(p for p in PROGRAMS.iterdir() if p.is_dir() and not p.name.startswith("_")):
        f = d / "case.json"
        if not f.exists():
            print(f"  typescript/{d.name}: no case.json, skipped")
            continue
        try:
            out.append((f"tsx-{d.name}", d, json.loads(f.read_text())))
        except ValueError as exc:
            print(f"  typescript/{d.name}: bad case.json ({exc}), skipped")
    return out


_MSG_RES: dict[str, re.Pattern] | None = None


def entry_messages_printed(text: str, archive: dict) -> list[str]:
    """Entries whose message tsc prints as an elaboration line (no code of its own)."""
    global _MSG_RES
    if _MSG_RES is None:
        _MSG_RES = {}
        for eid, e in archive.items():
            msg = (e.get("error_message") or "") if eid.startswith("ts-error-translator/") else ""
            if len(msg) >= 20 and msg != "undefined":
                pat = re.escape(msg.rstrip("."))
                pat = re.sub(r"'\\\{\d\\\}'", "'[^']*'", pat)  # a quoted placeholder: one quoted name
                pat = re.sub(r"\\\{\d\\\}", ".+?", pat)
                _MSG_RES[eid] = re.compile(pat + r"\.?\s*$")
    lines = [ln for ln in ANSI_RE.sub("", text).splitlines() if not re.search(r"error\s*TS\d+", ln)]
    return [eid for eid, rx in _MSG_RES.items() if any(rx.search(ln) for ln in lines)]


def label_problems(cid: str, spec: dict, archive: dict, text: str | None) -> list[str]:
    probs = []
    rel = spec.get("relevant") or []
    grades = spec.get("grades") or {}
    for eid in rel:
        if eid not in archive:
            probs.append(f"{cid}: unknown archive id {eid}")
    if set(rel) != set(grades):
        probs.append(f"{cid}: relevant and grades disagree")
    if any(g not in (1, 2) for g in grades.values()):
        probs.append(f"{cid}: grades must be 1 or 2")
    if "in_archive" not in spec or bool(spec.get("in_archive")) != bool(rel):
        probs.append(f"{cid}: in_archive must be true exactly when relevant is non-empty")
    if text is not None:
        printed = codes_printed(text)
        aliases = spec.get("aliases") or {}
        for eid, g in grades.items():
            code = aliases.get(eid, eid.split("/")[-1])
            if g == 2 and code not in printed:
                probs.append(f"{cid}: grade-2 {eid} but tsc did not print {code}")
        for c in printed:
            eid = f"ts-error-translator/{c}"
            if eid in archive and eid not in grades:
                probs.append(f"{cid}: tsc printed {c} (has an entry) but it is not labelled")
        if not printed:
            probs.append(f"{cid}: no TS code printed")
        for eid in entry_messages_printed(text, archive):
            if eid not in grades:
                probs.append(f"{cid}: tsc printed the message of {eid} as an elaboration but it is not labelled")
    return probs


def run_case(cid: str, folder: Path, spec: dict, versions: dict) -> tuple[dict | None, str]:
    tsc = str(spec.get("tsc", "5"))
    if not versions["node"]:
        return None, "node is not installed"
    if not versions.get(tsc):
        return None, f"typescript {tsc} is not installed under {NODE_MODULES} (cd tests/traces/node && npm ci)"
    workdir = Path(spec.get("workdir") or f"/home/dev/code/{folder.name}")
    try:
        stage(workdir, folder, tsc)
    except (OSError, RuntimeError) as exc:
        return None, f"could not stage: {exc}"
    try:
        env = case_env(workdir, spec)
        p = subprocess.run(["bash", "-c", spec["run"]], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=int(spec.get("timeout", TIMEOUT)))
        text = p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, "timed out"
    finally:
        unstage(workdir)
    if not text.strip():
        return None, f"no output (exit {p.returncode})"
    if p.returncode == 0 and not spec.get("exit_zero_ok"):
        return None, "exit code 0: tsc reported nothing\n" + text[-500:]
    rec = {
        "id": cid, "ecosystem": "typescript",
        "tool": f"node {versions['node']} + tsc {versions[tsc]}",
        "text": text, "relevant": [], "grades": {}, "in_archive": False, "note": "",
        "program": spec.get("program") or f"written: tests/traces/examples/typescript/{folder.name} "
                                          f"(`{spec['run']}` in {workdir})",
    }
    return rec, ""


def apply_labels(rec: dict, spec: dict) -> None:
    rec["relevant"] = list(spec.get("relevant") or [])
    rec["grades"] = dict(spec.get("grades") or {})
    rec["in_archive"] = bool(spec.get("in_archive"))
    rec["note"] = spec.get("note", "")
    if spec.get("program"):
        rec["program"] = spec["program"]


def read_existing() -> dict[str, dict]:
    out = {}
    if OUT.exists():
        for line in OUT.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out[r["id"]] = r
    return out


def write(records: dict[str, dict]) -> None:
    OUT.parent.mkdir(exist_ok=True)
    keys = ["id", "ecosystem", "tool", "text", "relevant", "grades", "in_archive", "note", "program"]
    with OUT.open("w", encoding="utf-8") as fh:
        for cid in sorted(records):
            fh.write(json.dumps({k: records[cid][k] for k in keys}, ensure_ascii=False) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", action="append", default=[], help="only this case id (repeatable)")
    ap.add_argument("--print", action="store_true", help="print each captured text")
    args = ap.parse_args(argv)

    versions = tool_versions()
    print(f"== typescript examples: node {versions['node']}, tsc {versions['5']} (5), {versions['7']} (7)")
    if not versions["node"] or not (versions["5"] or versions["7"]):
        print("skipping everything: node or typescript missing (cd tests/traces/node && npm ci)")
        return 0
    if os.geteuid() != 0:
        print("note: not root; staging under /home may fail (cases that cannot be staged are skipped)")
    archive = load_archive()
    if not archive:
        print(f"archive not found under {shared_dir()}; cannot label, stopping")
        return 1

    cases = load_cases()
    if args.case:
        cases = [c for c in cases if c[0] in set(args.case)]
    existing = read_existing()
    results, skipped, problems = {}, [], []
    for cid, folder, spec in cases:
        t0 = time.time()
        try:
            rec, reason = run_case(cid, folder, spec, versions)
        except Exception as exc:  # one broken case must not stop the others
            rec, reason = None, f"crashed: {exc!r}"
        if rec is None:
            skipped.append((cid, reason))
            print(f"  SKIP {cid}: {reason}")
            continue
        apply_labels(rec, spec)
        problems += label_problems(cid, spec, archive, rec["text"])
        results[cid] = rec
        if args.print:
            print(rec["text"])
        print(f"  ok   {cid} ({time.time() - t0:.1f}s) {codes_printed(rec['text'])} -> {rec['relevant']}")

    all_specs = {cid: spec for cid, _, spec in load_cases()}
    merged = {cid: r for cid, r in existing.items() if cid in all_specs}  # a skipped case keeps its capture
    merged.update(results)
    for cid, rec in merged.items():
        apply_labels(rec, all_specs[cid])
    write(merged)

    ins = sum(r["in_archive"] for r in merged.values())
    grade2 = {e for r in merged.values() for e, g in r["grades"].items() if g == 2}
    printed = {c for r in merged.values() for c in codes_printed(r["text"])}
    covered = {c for c in printed if f"ts-error-translator/{c}" in archive}
    print(f"wrote {len(merged)} records to {OUT.relative_to(TRACES.parents[1])}: {ins} in archive, "
          f"{len(merged) - ins} not; {len(grade2)} entries at grade 2; {len(covered)} archive codes printed by tsc; "
          f"{len(printed - covered)} codes without an entry")
    for cid, reason in skipped:
        print(f"  skipped {cid}: {reason.splitlines()[0] if reason else ''}")
    if problems:
        print("label problems:")
        for p in problems:
            print("  " + p)
    return 0


if __name__ == "__main__":
    sys.exit(main())

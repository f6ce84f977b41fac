#!/usr/bin/env python3
"""Real cargo/rustc outputs labelled with the archive's rustc entries: writes cases/rust-examples.jsonl.

Two kinds of cases:

archive   The archive's own erroneous examples.  At run time every ```rust block of every ``rustc/E....``
          entry in entries.jsonl (the explanation part, not the "Example compiler output" section) is built
          as a small cargo project at a realistic workdir (/home/<user>/code/<crate>).  The entry bodies come
          from ``rustc --explain``, which prints every fence as ```rust (the ``compile_fail,E0xxx`` markers of
          the .md sources are gone) and drops hidden ``# `` lines, so which block is the erroneous one is
          decided by building it: a block is kept when the build fails with the entry's code among its
          ``error[E....]`` lines.  Blocks are not stored in the repository.  Skipped (and counted, with the
          reason): entries that say the code is no longer emitted, blocks with ``#![feature(...)]`` (nightly),
          blocks that compile cleanly, and blocks that fail with other codes only.
written   Programs written for this set, under examples/rust/<name>/ (Cargo project + case.json, same
          fields as programs/*/case.json in generate.py, plus ``target``: "shared" or "local").

Labels: archive cases get the entry grade 2 and every other code printed as ``error[E....]`` that has an
entry grade 1 (they are real errors of the same build).  Written cases carry their labels in case.json,
read again on every write; the run prints a warning when the printed codes and the labels disagree.

Builds that only compile use a shared CARGO_TARGET_DIR (tests/traces/.cache/cargo-target-examples) to save
time: compile errors print no target paths.  Cases that run a binary or tests use ``target: "local"`` (the
default target/ in the staged workdir), so the paths cargo prints (`target/debug/...`) look like a
developer's own.

Usage:
    python tests/traces/examples/rust_cases.py                 # everything (~5-10 min on 2 cores)
    python tests/traces/examples/rust_cases.py --part written  # only the written programs
    python tests/traces/examples/rust_cases.py --part archive --code E0382 --code E0499
    python tests/traces/examples/rust_cases.py --case rsx-borrow-e0502-cache --print

A partial run keeps the other records of the file.  Must run as root (it stages programs under /home).
Stdlib only.
"""

from __future__ import annotations

import argparse
import hashlib
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
PROGRAMS = HERE / "rust"
OUT = TRACES / "cases" / "rust-examples.jsonl"
SHARED_TARGET = TRACES / ".cache" / "cargo-target-examples"
STAGE_MARKER = ".khub-trace-stage"  # the same marker as generate.py
MARKER_TEXT = "staged by tests/traces/examples/rust_cases.py; removed after the run\n"
TIMEOUT = 180

ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
ERROR_CODE_RE = re.compile(r"error\[(E\d{4})\]")

USERS = ["kai", "ana", "lu", "priya", "sam", "mei", "tom", "dev", "rita", "jonas"]
CRATE_NAMES = ["scratch", "playground", "{c}-repro", "explain-{c}", "rust-notes", "try-{c}", "sandbox",
               "learn-rust", "{c}", "compiler-errors"]
PARENTS = ["code", "code", "src", "projects", "rust"]


# ---------------------------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------------------------


def sh(cmd, timeout=60, **kw) -> tuple[int, str]:
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, **kw)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError) as exc:
        return 127, str(exc)


def tool_version() -> str | None:
    if shutil.which("cargo") is None or shutil.which("rustc") is None:
        return None
    c1, cargo = sh(["cargo", "--version"])
    c2, rustc = sh(["rustc", "--version"])
    m1, m2 = re.search(r"cargo \S+", cargo), re.search(r"rustc \S+", rustc)
    if c1 or c2 or not m1 or not m2:
        return None
    return f"{m1.group(0)} / {m2.group(0)}"


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
    for code in ERROR_CODE_RE.findall(ANSI_RE.sub("", text)):
        if code not in seen:
            seen.append(code)
    return seen


def pick(key: str, options: list, salt: str = ""):
    h = int(hashlib.sha1((salt + key).encode()).hexdigest(), 16)
    return options[h % len(options)]


def stage(workdir: Path, files: dict[str, str] | None = None, folder: Path | None = None) -> None:
    """Create workdir with the files (or a copy of folder, without case.json), marked as ours."""
    if workdir.exists():
        marker = workdir / STAGE_MARKER
        if not marker.exists() or "rust_cases.py" not in marker.read_text(errors="replace"):
            raise RuntimeError(f"{workdir} exists and was not staged by this script; refusing to touch it")
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    (workdir / STAGE_MARKER).write_text(MARKER_TEXT)
    if folder is not None:
        for item in folder.iterdir():
            if item.name in ("case.json", "target", "Cargo.lock"):
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
    if not marker.exists() or "rust_cases.py" not in marker.read_text(errors="replace"):
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


def base_env(workdir: Path, target: str) -> dict:
    env = dict(os.environ)
    for key in list(env):
        if key.startswith(("CARGO_TERM", "FORCE_COLOR", "NO_COLOR", "CLICOLOR", "RUST_BACKTRACE", "RUST_LIB_BACKTRACE",
                           "RUST_LOG", "RUSTFLAGS", "CARGO_BUILD", "CARGO_TARGET_DIR", "CARGO_INCREMENTAL")):
            env.pop(key)
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb", "PWD": str(workdir),
                "CARGO_INCREMENTAL": "0"})  # nothing printed depends on it; keeps the shared target small
    env["CARGO_TARGET_DIR"] = str(SHARED_TARGET) if target == "shared" else str(workdir / "target")
    return env


def run_in(workdir: Path, command: str, env: dict, timeout: int = TIMEOUT) -> tuple[int | None, str]:
    try:
        p = subprocess.run(["bash", "-c", command], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as exc:
        return None, (exc.stdout or b"").decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------------
# archive examples
# ---------------------------------------------------------------------------------------------


def archive_blocks(archive: dict[str, dict], only_codes: set[str] | None):
    """Yield (entry, code, index, count, source, no_longer_emitted) for every ```rust block."""
    for eid in sorted(archive):
        if not eid.startswith("rustc/E"):
            continue
        entry = archive[eid]
        code = eid.split("/", 1)[1]
        if only_codes and code not in only_codes:
            continue
        body = entry.get("body", "").split("\n## Example compiler output")[0]
        blocks = re.findall(r"^```rust[^\n]*\n(.*?)^```", body, re.M | re.S)
        gone = bool(re.search(r"no longer emitted", body))
        for i, src in enumerate(blocks, 1):
            yield entry, code, i, len(blocks), src, gone


def cargo_toml(name: str, edition: str) -> str:
    return f'[package]\nname = "{name}"\nversion = "0.1.0"\nedition = "{edition}"\n\n[dependencies]\n'


def archive_plan(code: str, idx: int) -> dict:
    key = f"{code}-{idx}"
    num = code[1:].lstrip("0") or "0"
    c = "e" + code[1:]
    crate = pick(key, CRATE_NAMES, "crate").format(c=c, n=num)
    user = pick(key, USERS, "user")
    parent = pick(key, PARENTS, "parent")
    edition = pick(key, ["2021", "2021", "2021", "2024", "2024"], "edition")
    cmd = pick(key, ["cargo check"] * 11 + ["cargo build"] * 6 + ["cargo test"] * 2 + ["cargo check --color=always",
                                                                                            "cargo build --color=always"],
               "cmd")
    return {"workdir": f"/home/{user}/{parent}/{crate}", "crate": crate, "edition": edition, "cmd": cmd}


def classify_failure(text: str, rc: int | None, code: str) -> str:
    plain = ANSI_RE.sub("", text)
    if rc is None:
        return "timed out"
    if rc == 0:
        return "compiles cleanly (no error)"
    if "E0658" in plain or "is unstable" in plain or "on the stable release channel" in plain:
        return "needs an unstable (nightly) feature"
    if re.search(r"E0463|can't find crate|unresolved import `(?!crate|self|super|std|core|alloc)\w+`|"
                 r"use of unresolved module or unlinked crate", plain):
        return "needs another crate or module"
    others = codes_printed(plain)
    if others:
        return "fails with other codes only (" + ", ".join(others[:4]) + ")"
    if "error: expected" in plain or "error: this file contains" in plain or "error: unexpected" in plain:
        return "parse error without a code (block is a fragment)"
    if re.search(r"^error:", plain, re.M):
        return "fails without an error code (lint or fragment)"
    return f"fails without the code (exit {rc})"


def wrap_in_main(src: str) -> str:
    """What rustdoc does with a doctest that has no fn main: crate attributes stay on top, the rest goes
    into fn main (indented, as someone pasting the snippet into src/main.rs would write it)."""
    lines = src.splitlines()
    head = []
    while lines and (lines[0].startswith("#![") or not lines[0].strip()):
        head.append(lines.pop(0))
    body = "\n".join(("    " + ln) if ln.strip() else "" for ln in lines)
    return ("\n".join(head) + "\n" if head else "") + "fn main() {\n" + body + "\n}\n"


def run_archive_block(entry, code, idx, count, src, tool, archive) -> tuple[dict | None, str]:
    plan = archive_plan(code, idx)
    has_main = bool(re.search(r"\bfn\s+main\s*\(", src))
    workdir = Path(plan["workdir"])
    layouts = [("main", src)] if has_main else [("lib", src), ("wrapped", wrap_in_main(src))]
    first_reason = None
    for layout, text_src in layouts:
        attempts = [(plan["cmd"], plan["edition"])]
        if plan["cmd"].startswith("cargo check"):
            attempts.append((plan["cmd"].replace("check", "build"), plan["edition"]))
        attempts.append(("cargo check", "2015"))
        src_file = "src/lib.rs" if layout == "lib" else "src/main.rs"
        for n, (cmd, edition) in enumerate(attempts):
            files = {"Cargo.toml": cargo_toml(plan["crate"], edition), src_file: text_src}
            try:
                stage(workdir, files=files)
            except (OSError, RuntimeError) as exc:
                return None, f"could not stage: {exc}"
            try:
                rc, text = run_in(workdir, cmd, base_env(workdir, "shared"))
                if str(SHARED_TARGET) in text:
                    # rustc printed a path into the shared target dir (e.g. a long-type file): build again
                    # with the project's own target/ so the path is the one a developer would see
                    rc, text = run_in(workdir, cmd, base_env(workdir, "local"))
            finally:
                unstage(workdir)
            codes = codes_printed(text)
            if rc not in (0, None) and code in codes:
                relevant = [entry["id"]] + [f"rustc/{c}" for c in codes if c != code and f"rustc/{c}" in archive]
                grades = {eid: (2 if eid == entry["id"] else 1) for eid in relevant}
                title = re.sub(r"^E\d{4}:\s*", "", entry.get("title", ""))
                first = next((ln for ln in ANSI_RE.sub("", text).splitlines() if f"error[{code}]" in ln), "")
                how = {"main": "as src/main.rs", "lib": "as src/lib.rs of a library crate",
                       "wrapped": "inside fn main() in src/main.rs (the block has no main, as rustdoc does)"}[layout]
                extra = ""
                if len(codes) > 1:
                    extra = f" The same build also prints {', '.join(c for c in codes if c != code)}."
                note = (f"The archive's own erroneous example for {code} (\"{title}\"), built {how}, "
                        f"edition {edition}, with `{cmd}`: {first.strip()}.{extra}")
                rec = {
                    "id": f"rsx-{code.lower()}-ex{idx}",
                    "ecosystem": "rust",
                    "tool": tool,
                    "text": text,
                    "relevant": relevant,
                    "grades": grades,
                    "in_archive": True,
                    "note": note,
                    "program": f"{entry['id']} compile_fail example (code block {idx} of {count} in the entry, "
                               f"{'wrapped in fn main, ' if layout == 'wrapped' else ''}"
                               f"the build fails with {code})",
                }
                return rec, ""
            reason = classify_failure(text, rc, code)
            if first_reason is None or first_reason.startswith("parse error"):
                first_reason = reason
            if reason.startswith(("needs an unstable", "needs another crate", "parse error")):
                break
    return None, first_reason or "not reproduced"


# ---------------------------------------------------------------------------------------------
# written programs
# ---------------------------------------------------------------------------------------------


def load_written() -> list[tuple[str, Path, dict]]:
    out = []
    if not PROGRAMS.exists():
        return out
    for d in sorted(p for p in PROGRAMS.iterdir() if p.is_dir() and not p.name.startswith("_")):
        spec_file = d / "case.json"
        if not spec_file.exists():
            print(f"  rust/{d.name}: no case.json, skipped")
            continue
        try:
            spec = json.loads(spec_file.read_text())
        except ValueError as exc:
            print(f"  rust/{d.name}: bad case.json ({exc}), skipped")
            continue
        out.append((f"rsx-{d.name}", d, spec))
    return out


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
        for eid, g in grades.items():
            if g == 2 and eid.startswith("rustc/") and eid.split("/")[1] not in printed:
                probs.append(f"{cid}: grade-2 {eid} but the output does not print error[{eid.split('/')[1]}]")
        for c in printed:
            if f"rustc/{c}" in archive and f"rustc/{c}" not in grades:
                probs.append(f"{cid}: output prints error[{c}] (has an entry) but it is not labelled")
    return probs


def run_written(cid: str, folder: Path, spec: dict, tool: str) -> tuple[dict | None, str]:
    workdir = Path(spec.get("workdir") or f"/home/dev/code/{folder.name}")
    target = spec.get("target", "shared")
    try:
        stage(workdir, folder=folder)
    except (OSError, RuntimeError) as exc:
        return None, f"could not stage: {exc}"
    try:
        env = base_env(workdir, target)
        env.update(spec.get("env") or {})
        if spec.get("setup"):
            rc, out = run_in(workdir, spec["setup"], env)
            if rc != 0:
                return None, f"setup failed ({rc}): {out.strip()[-400:]}"
        rc, text = run_in(workdir, spec["run"], env, int(spec.get("timeout", TIMEOUT)))
        if target == "shared" and str(SHARED_TARGET) in text:
            env = base_env(workdir, "local")
            env.update(spec.get("env") or {})
            rc, text = run_in(workdir, spec["run"], env, int(spec.get("timeout", TIMEOUT)))
    finally:
        unstage(workdir)
    if rc is None:
        return None, "timed out"
    if not text.strip():
        return None, f"no output (exit {rc})"
    if rc == 0 and not spec.get("exit_zero_ok"):
        return None, "exit code 0: the program did not fail\n" + text[-600:]
    rec = {
        "id": cid,
        "ecosystem": "rust",
        "tool": tool,
        "text": text,
        "relevant": [],
        "grades": {},
        "in_archive": False,
        "note": "",
        "program": spec.get("program") or f"written: tests/traces/examples/rust/{folder.name} (`{spec['run']}` in "
                                          f"{workdir})",
    }
    return rec, ""


def apply_labels(rec: dict, spec: dict) -> None:
    rec["relevant"] = list(spec.get("relevant") or [])
    rec["grades"] = dict(spec.get("grades") or {})
    rec["in_archive"] = bool(spec.get("in_archive"))
    rec["note"] = spec.get("note", "")
    if spec.get("program"):
        rec["program"] = spec["program"]


# ---------------------------------------------------------------------------------------------


def read_existing() -> dict[str, dict]:
    out = {}
    if OUT.exists():
        for line in OUT.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


def write(records: dict[str, dict]) -> None:
    OUT.parent.mkdir(exist_ok=True)
    keys = ["id", "ecosystem", "tool", "text", "relevant", "grades", "in_archive", "note", "program"]
    with OUT.open("w", encoding="utf-8") as fh:
        for cid in sorted(records):
            rec = records[cid]
            fh.write(json.dumps({k: rec[k] for k in keys}, ensure_ascii=False) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=["all", "archive", "written"], default="all")
    ap.add_argument("--code", action="append", default=[], help="archive part: only this error code (repeatable)")
    ap.add_argument("--case", action="append", default=[], help="only this case id (repeatable)")
    ap.add_argument("--print", action="store_true", help="print each captured text")
    args = ap.parse_args(argv)

    tool = tool_version()
    if tool is None:
        print("skipping everything: cargo/rustc not found (install rustup's stable toolchain)")
        return 0
    if os.geteuid() != 0:
        print("note: not root; staging under /home may fail (cases that cannot be staged are skipped)")
    archive = load_archive()
    if not archive:
        print(f"archive not found under {shared_dir()}; cannot label, stopping")
        return 1
    SHARED_TARGET.mkdir(parents=True, exist_ok=True)
    print(f"== rust examples with {tool}; shared CARGO_TARGET_DIR={SHARED_TARGET}")

    existing = read_existing()
    results: dict[str, dict] = {}
    skipped: list[tuple[str, str]] = []
    problems: list[str] = []
    ran_archive = ran_written = False
    only_cases = set(args.case)

    if args.part in ("all", "archive"):
        ran_archive = not only_cases and not args.code
        codes = {c.upper() for c in args.code} or None
        t0 = time.time()
        n = 0
        for entry, code, idx, count, src, gone in archive_blocks(archive, codes):
            cid = f"rsx-{code.lower()}-ex{idx}"
            if only_cases and cid not in only_cases:
                continue
            n += 1
            if gone:
                skipped.append((cid, "entry says the code is no longer emitted"))
                continue
            if "#![feature" in src:
                skipped.append((cid, "uses #![feature(...)] (nightly only)"))
                continue
            try:
                rec, reason = run_archive_block(entry, code, idx, count, src, tool, archive)
            except Exception as exc:  # one block must not stop the run
                rec, reason = None, f"crashed: {exc!r}"
            if rec is None:
                skipped.append((cid, reason))
                print(f"  skip {cid}: {reason}")
                continue
            results[cid] = rec
            if args.print:
                print(rec["text"])
            print(f"  ok   {cid} ({', '.join(rec['relevant'])})")
        print(f"archive part: {n} blocks looked at in {time.time() - t0:.0f}s")

    if args.part in ("all", "written"):
        ran_written = not only_cases
        for cid, folder, spec in load_written():
            if only_cases and cid not in only_cases:
                continue
            t0 = time.time()
            try:
                rec, reason = run_written(cid, folder, spec, tool)
            except Exception as exc:
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

    merged = dict(existing)
    transient = ("crashed", "could not stage", "timed out", "setup failed")
    keep = {cid for cid, r in skipped if r.startswith(transient)}  # keep the previous capture
    written_ids = {cid for cid, _, _ in load_written()}
    for cid in list(merged):
        is_archive = bool(re.match(r"rsx-e\d{4}-ex\d+$", cid))
        if cid in results or cid in keep:
            continue
        if (is_archive and ran_archive) or (not is_archive and ran_written) or (
                not is_archive and cid not in written_ids):
            del merged[cid]
    merged.update(results)
    specs = {cid: spec for cid, _, spec in load_written()}
    for cid, rec in merged.items():
        if cid in specs:
            apply_labels(rec, specs[cid])
        for eid in rec["relevant"]:
            if eid not in archive:
                problems.append(f"{cid}: unknown archive id {eid}")
    write(merged)

    reasons: dict[str, int] = {}
    for _, r in skipped:
        key = re.sub(r" \(.*", "", r.splitlines()[0]) if r else "?"
        reasons[key] = reasons.get(key, 0) + 1
    arch = [r for r in merged.values() if re.match(r"rsx-e\d{4}-ex\d+$", r["id"])]
    written = [r for r in merged.values() if r not in arch]
    print(f"wrote {len(merged)} records to {OUT.relative_to(TRACES.parents[1])}: "
          f"{len(arch)} archive examples ({len({r['relevant'][0] for r in arch})} entries), "
          f"{len(written)} written ({sum(r['in_archive'] for r in written)} in archive, "
          f"{sum(not r['in_archive'] for r in written)} not)")
    print(f"skipped now: {len(skipped)}")
    for k, v in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"  {v:4d}  {k}")
    if problems:
        print("label problems:")
        for p in problems:
            print("  " + p)
    return 0


if __name__ == "__main__":
    sys.exit(main())

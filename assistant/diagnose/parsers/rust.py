"""Rust: rustc/cargo diagnostics (error[E0382] ... --> src/main.rs:18:15) and runtime panics."""

from __future__ import annotations

import re

from assistant.diagnose.parsers.common import in_app, to_int
from assistant.diagnose.signature import ErrorSignature, Frame

ECOSYSTEM = "rust"
DIAGNOSTIC = re.compile(r"^(?P<level>error|warning)(?:\[(?P<code>E\d{4})\])?: (?P<message>.+)$")
ARROW = re.compile(r"^\s*--> (?P<file>.+?):(?P<line>\d+):(?P<column>\d+)\s*$")
SOURCE = re.compile(r"^\s*\d+ \| (?P<code>.*\S.*)$")
HELP = re.compile(r"^\s*(?:= )?(?P<kind>help|note): (?P<text>.+)$")
PANIC = re.compile(r"^thread '(?P<thread>[^']*)'(?: \(\d+\))? panicked at "
                   r"(?:(?P<file>[^:\n]+):(?P<line>\d+):(?P<column>\d+):?"
                   r"|'(?P<old_message>.*)', (?P<old_file>[^:\n]+):(?P<old_line>\d+):\d+)\s*$")
# Summary lines cargo prints after the real diagnostics; they name no error of their own.
SUMMARY = re.compile(r"^(?:could not compile|aborting due to|Some errors have detailed explanations"
                     r"|For more information|\d+ warnings? emitted|build failed|test failed)", re.I)


def parse(text: str) -> list[ErrorSignature]:
    """Every rustc error (warnings only if there is no error) and every panic, in order."""
    lines = text.split("\n")
    errors: list[ErrorSignature] = []
    warnings: list[ErrorSignature] = []
    for index, line in enumerate(lines):
        diagnostic = DIAGNOSTIC.match(line)
        if diagnostic and not SUMMARY.match(diagnostic["message"]):
            signature = _diagnostic(diagnostic, lines[index + 1:])
            (errors if diagnostic["level"] == "error" else warnings).append(signature)
        panic = PANIC.match(line)
        if panic:
            errors.append(_panic(panic, lines[index + 1:]))
    return errors or warnings


def _diagnostic(diagnostic: re.Match, following: list[str]) -> ErrorSignature:
    frames: list[Frame] = []
    notes: list[str] = []
    context: list[str] = []
    for line in following[:40]:
        if DIAGNOSTIC.match(line):
            break
        source = SOURCE.match(line)
        if source and len(context) < 3 and not notes:
            context.append(source["code"].strip())
        arrow = ARROW.match(line)
        if arrow and not frames:
            path = arrow["file"]
            frames.append(Frame(path, None, to_int(arrow["line"]), to_int(arrow["column"]), in_app(path)))
        note = HELP.match(line)
        if note:
            notes.append(f"{note['kind']}: {note['text']}")
    code = diagnostic["code"]
    prefix = f"{diagnostic['level']}[{code}]" if code else diagnostic["level"]
    return ErrorSignature(ECOSYSTEM, code or diagnostic["level"], f"{prefix}: {diagnostic['message']}", code=code,
                          frames=tuple(frames), notes=tuple(notes), context=tuple(context))


def _panic(panic: re.Match, following: list[str]) -> ErrorSignature:
    if panic["old_message"] is not None:  # Rust before 1.73: the message is on the panic line
        message, path, line = panic["old_message"], panic["old_file"], panic["old_line"]
    else:
        message = next((text.strip() for text in following if text.strip()), "")
        path, line = panic["file"], panic["line"]
    frame = Frame(path, None, to_int(line), to_int(panic["column"]), in_app(path))
    return ErrorSignature(ECOSYSTEM, "panic", f"panicked: {message}", frames=(frame,))

"""Errors that tools print on one line, without a stack: shells, git, pip, npm, make, and interpreters
refusing to start (``python -m`` a missing module, a script that is not there).

Each pattern is the tool's own fixed output format, so a line is only taken when its shape says
which tool printed it. Most of these errors are outside a programming archive; recognising them
lets khub say it has no confident match instead of "no error found".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.diagnose.signature import ErrorSignature


@dataclass(frozen=True)
class ToolLine:
    """One tool's error-line format: the ecosystem it belongs to and the error type it reports."""

    ecosystem: str
    pattern: re.Pattern
    error_type: str | None = None


LINES = [
    # bash/sh/dash/zsh: "bash: line 3: deploy: command not found", "sh: 1: jq: not found", "zsh: command not found: x"
    ToolLine("shell", re.compile(r"^(?:-?(?:ba|z|da|k)?sh|/bin/\w*sh|/usr/bin/\w*sh|[\w./-]+\.sh)(?:: line \d+)?"
                                 r"(?:: \d+)?: (?P<message>(?:[^:\n]+: ){0,2}(?:command not found|not found"
                                 r"|No such file or directory|Permission denied|unbound variable|[Bb]ad substitution"
                                 r"|[Ss]yntax error.*|ambiguous redirect|integer expression expected|too many arguments"
                                 r"|cannot execute.*|unexpected EOF.*|bad interpreter.*)(?:: \S+)?)$")),
    # C and C++ at run time and link time: sanitizers, glibc's checks, the linker, signals as a shell reports them.
    ToolLine("c", re.compile(r"^(?:==\d+==)?(?P<message>"
                             r"ERROR: (?:Address|Leak|Memory|Thread|UndefinedBehavior)Sanitizer: .+"
                             r"|SUMMARY: \w+Sanitizer: .+)$")),
    ToolLine("c", re.compile(r"^(?P<message>(?:\S+: )?(?:.*undefined reference to .+|multiple definition of .+"
                             r"|collect2: error: ld returned \d+ exit status|\*\*\* stack smashing detected \*\*\*.*"
                             r"|(?:free|malloc|realloc)\(\): .+|.+: Assertion `.+' failed\.))$")),
    ToolLine("c", re.compile(r"^(?:[\w./-]+: line \d+: )?\d+ (?P<message>Segmentation fault|Floating point exception"
                             r"|Aborted|Bus error|Illegal instruction)\b.*$")),
    ToolLine("c", re.compile(r"^==\d+== (?P<message>(?:Invalid (?:read|write) of size \d+|Conditional jump .+"
                             r"|Use of uninitialised.+|\d+ bytes in \d+ blocks are definitely lost.+))$")),
    # git: "fatal: ..." is its own; its "error: ..." lines are told apart from other tools' by what they say.
    ToolLine("git", re.compile(r"^(?P<message>fatal: .+|error: (?:failed to push some refs.*|pathspec .*"
                               r"|Your local changes .*|src refspec .*|could not apply .*|cannot pull with rebase.*"
                               r"|The following untracked .*|Merging is not possible.*"
                               r"|You have not concluded your merge.*|remote .* already exists.*"
                               r"|The branch .* is not fully merged.*"
                               r"|.*did not match any file\(s\) known to git.*))$")),
    ToolLine("git", re.compile(r"^(?P<message>CONFLICT \([\w/ ]+\): .+|Automatic merge failed; .+"
                               r"| ! \[rejected\] .+)$")),
    ToolLine("pip", re.compile(r"^(?P<message>ERROR: (?:Could not|No matching distribution|Cannot install"
                               r"|Invalid requirement|ResolutionImpossible|Failed building wheel|Failed to build"
                               r"|Ignored the following|pip's dependency resolver|Package .* requires"
                               r"|Directory .* is not installable).*|error: externally-managed-environment.*)$")),
    ToolLine("npm", re.compile(r"^npm (?:ERR!|error) (?P<message>\S.*)$")),
    ToolLine("make", re.compile(r"^(?:g?make)(?:\[\d+\])?: (?P<message>\*\*\* .+)$")),
    ToolLine("make", re.compile(r"^(?P<message>[\w./-]+:\d+: \*\*\* .+\.  Stop\.)$")),
    # The interpreter itself: "/usr/bin/python3: No module named flask", "python3: can't open file ...".
    ToolLine("python", re.compile(r"^(?:\S*/)?python[\d.]*: (?P<message>No module named .+)$"), "ModuleNotFoundError"),
    ToolLine("python", re.compile(r"^(?:\S*/)?python[\d.]*: "
                                  r"(?P<message>can't open file .+\[Errno (?P<errno>\d+)\].+)$")),
    ToolLine("javascript", re.compile(r"^(?:\S*/)?node: (?P<message>bad option: .+|.+: No such file or directory)$")),
]


def parse(text: str) -> list[ErrorSignature]:
    """Tool error lines, the last one first (a tool's final line is why it stopped)."""
    found = []
    lines = text.split("\n")
    tools = [*LINES, GIT_ERROR] if any(GIT_OWN.match(line.strip()) for line in lines) else LINES
    for number, line in enumerate(lines):
        for tool in tools:
            match = tool.pattern.match(line.strip())
            if match:
                found.append(ErrorSignature(tool.ecosystem, _error_type(tool, match), match["message"].strip(),
                                            code=_code(tool, match), notes=_advice(lines[number + 1:])))
                break
    return list(reversed(_merge_npm(found)))


# Where git's own "hint:" or "fatal:" lines show, the paste is git's, and so is any "error:" line in it.
GIT_OWN = re.compile(r"^(?:hint|fatal): \S")
GIT_ERROR = ToolLine("git", re.compile(r"^(?P<message>error: .+)$"))
ADVICE_PREFIX = re.compile(r"^(?:hint|help|note|advice):\s*", re.I)
ADVICE_LINES = 3


def _advice(following: list[str]) -> tuple[str, ...]:
    """What a tool says right after its error line, up to a blank line or its next error: its advice
    ("If you are sure you want to delete it, run ...", "hint: ...") tells what the user was doing."""
    advice = []
    for line in following[:ADVICE_LINES]:
        line = line.strip()
        if not line or any(tool.pattern.match(line) for tool in LINES):
            break
        advice.append(ADVICE_PREFIX.sub("", line))
    return tuple(advice)


NPM_NOISE = re.compile(r"^(?:errno |syscall |path |A complete log|Log files were not written|You can rerun|"
                       r"This is related to npm|Note that this|\s*at |[\w-]+ERR!)", re.I)


def _merge_npm(found: list[ErrorSignature]) -> list[ErrorSignature]:
    """npm spreads one error over lines ("npm error code E404", "npm error 404 Not Found - GET ..."):
    one signature with the code and the first line that says more."""
    npm = [signature for signature in found if signature.ecosystem == "npm"]
    if not npm:
        return found
    code = next((signature.code for signature in npm if signature.code), None)
    said = [s.message for s in npm if not s.code and not NPM_NOISE.match(s.message)]
    message = said[0] if said else npm[0].message
    merged = ErrorSignature("npm", None, message, code=code)
    return [signature for signature in found if signature.ecosystem != "npm"] + [merged]


def _error_type(tool: ToolLine, match: re.Match) -> str | None:
    """The tool's error type; for an OS error number, the class Python itself gives it (2 -> FileNotFoundError)."""
    if "errno" in match.groupdict() and match["errno"]:
        return type(OSError(int(match["errno"]), "")).__name__
    return tool.error_type


def _code(tool: ToolLine, match: re.Match) -> str | None:
    """npm names its error code on a line of its own: "npm error code E404"."""
    code = re.match(r"(?:code|errno) (\S+)$", match["message"]) if tool.ecosystem == "npm" else None
    return code.group(1) if code else None

"""The fallback for output no ecosystem parser recognised: the last line that reads like an error."""

from __future__ import annotations

import re

from assistant.diagnose.signature import ErrorSignature

ERROR_LINE = re.compile(
    r"^\s*(?:(?P<type>[A-Za-z_][\w.$\\]*(?:Error|Exception|Fault|Failure))(?:[:\s]\s*(?P<message>.*))?"
    r"|(?P<word>error|fatal|panic|FATAL|ERROR|Error)(?:\[[^\]]+\])?:\s*(?P<rest>.+))$"
)


def parse(text: str) -> list[ErrorSignature]:
    """One signature from the last error-like line, with an unknown ecosystem."""
    for line in reversed(text.split("\n")):
        match = ERROR_LINE.match(line)
        if match:
            error_type = match["type"] or match["word"].lower()
            return [ErrorSignature("unknown", error_type, line.strip())]
    return []

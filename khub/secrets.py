"""Keep credentials out of everything khub prints: error messages, notices and log lines.

Secrets are the values of environment variables whose names say they are one (``*KEY*``,
``*TOKEN*``, ``*SECRET*``, ``*PASSWORD*``, ``*CREDENTIAL*``...), plus anything shaped like an
API key or a bearer token, wherever it came from (a provider's error may echo the key it got).
"""

from __future__ import annotations

import logging
import os
import re

SECRET_NAME = re.compile(r"KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH", re.I)
KEY_SHAPES = re.compile(
    r"\b(?:sk|pk|rk|ak)-[A-Za-z0-9_-]{12,}"  # OpenAI-, Anthropic-style keys
    r"|\b(?:ghp|gho|ghs|github_pat|xox[abp]|hf)_[A-Za-z0-9_]{12,}"  # GitHub, Slack, Hugging Face
    r"|\bAIza[0-9A-Za-z_-]{20,}"  # Google
    r"|(?<=Bearer )[A-Za-z0-9._~+/=-]{12,}",
)
MASK = "***"
MIN_SECRET = 6  # shorter values ("1", "true") are settings, not secrets


def redact(text: str) -> str:
    """``text`` with every known secret value and key-shaped string replaced by ***."""
    for value in sorted(_secret_values(), key=len, reverse=True):
        text = text.replace(value, MASK)
    return KEY_SHAPES.sub(MASK, text)


class RedactingFilter(logging.Filter):
    """A logging filter that redacts each record's message before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def _secret_values() -> list[str]:
    return [value for name, value in os.environ.items() if SECRET_NAME.search(name) and len(value) >= MIN_SECRET]

"""The exceptions khub raises, each with a message that says what to do next.

    KhubError                 base class; the CLI prints the message and exits 1
    ├── ConfigError           a setting, package or path is unusable
    ├── CorpusError           an archive file or entry is invalid (fatal only with --strict)
    ├── IndexUnavailableError the index is missing, incompatible or damaged
    │   └── IndexMismatchError   built with another model, dimension or format version
    └── EvaluationError       an evaluation file cannot be used
"""

from __future__ import annotations


class KhubError(Exception):
    """Base class for errors that carry a message meant for the user."""


class ConfigError(KhubError):
    """A setting, a package or a path cannot be used."""


class CorpusError(KhubError):
    """An archive file or entry is invalid."""


class IndexUnavailableError(KhubError):
    """The index is missing, incompatible or damaged."""


class IndexMismatchError(IndexUnavailableError):
    """The index was built with another model, dimension or format version."""


class EvaluationError(KhubError):
    """An evaluation file cannot be used."""

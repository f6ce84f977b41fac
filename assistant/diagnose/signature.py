"""What a parser makes of pasted error output: an ErrorSignature, with its frames."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from ingest.error_messages import codes_in, message_template


@dataclass(frozen=True)
class Frame:
    """One stack frame or source location."""

    file: str | None = None
    function: str | None = None
    line: int | None = None
    column: int | None = None
    in_app: bool = True  # the user's own code, not the runtime's or a library's

    def __str__(self) -> str:
        where = f"{self.file or '?'}" + (f":{self.line}" if self.line is not None else "")
        return f"{where} in {self.function}" if self.function else where


@dataclass(frozen=True)
class ErrorSignature:
    """One error as a tool printed it, reduced to what identifies it.

    ``message`` is the error line as printed (type prefix included, e.g. "TypeError: x is not a
    function"); ``template`` is its Sentry-style normal form; ``frames`` run from the outermost
    call to the innermost; ``culprit`` is the user's own frame most likely at fault; ``chain``
    holds the other errors of an exception chain, the root cause first.
    """

    ecosystem: str
    error_type: str | None
    message: str
    code: str | None = None
    frames: tuple[Frame, ...] = ()
    chain: tuple[ErrorSignature, ...] = ()
    notes: tuple[str, ...] = ()  # hints the tool printed: "Did you mean ...", rustc's help lines
    context: tuple[str, ...] = ()  # the source lines the tool showed where it failed
    template: str = field(default="")

    def __post_init__(self) -> None:
        if not self.template:
            object.__setattr__(self, "template", message_template(self.message))

    @property
    def culprit(self) -> Frame | None:
        """The innermost frame in the user's own code (else the innermost frame)."""
        candidates = [frame for frame in self.frames if frame.in_app] or list(self.frames)
        return candidates[-1] if candidates else None

    @property
    def root_cause(self) -> ErrorSignature:
        """The first error of the chain: the one that started it all."""
        return self.chain[0] if self.chain else self

    @cached_property  # read once per candidate entry: thousands of times for one paste on a large archive
    def codes(self) -> frozenset[str]:
        """Error codes carried by this error: its own, and any printed in its message."""
        return frozenset(({self.code} if self.code else set()) | codes_in(self.message))

    def with_chain(self, chain: tuple[ErrorSignature, ...]) -> ErrorSignature:
        return replace(self, chain=chain)

    def as_dict(self) -> dict:
        """The JSON shape of ``--json`` output."""
        culprit = self.culprit
        return {
            "ecosystem": self.ecosystem, "error_type": self.error_type, "code": self.code,
            "message": self.message, "template": self.template,
            "culprit": _frame_dict(culprit) if culprit else None,
            "frames": [_frame_dict(frame) for frame in self.frames],
            "root_cause": None if not self.chain else {"error_type": self.root_cause.error_type,
                                                       "message": self.root_cause.message},
            "chain": [{"error_type": link.error_type, "message": link.message} for link in self.chain],
            "notes": list(self.notes),
            "context": list(self.context),
        }


def _frame_dict(frame: Frame) -> dict:
    return {"file": frame.file, "function": frame.function, "line": frame.line, "column": frame.column,
            "in_app": frame.in_app}

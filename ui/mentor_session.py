"""Mentors signing in to the review desk: named accounts, throttled attempts, sessions that expire.

The desk keeps a ``MentorSession`` in its ``gr.State`` (server-side, per browser tab). Every desk
action goes through ``MentorGate.check``: a session past its time, or of an account removed since,
ends there, and the mentor is asked to sign in again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from khub.errors import KhubError
from ui.accounts import MentorAccounts
from ui.throttle import SignInThrottle


class SignInRefused(KhubError):
    """A wrong name or password, or a session that ended; the message is safe to show."""


@dataclass(frozen=True)
class MentorSession:
    """Who signed in, and until when (seconds since the epoch)."""

    name: str
    expires_at: float


class MentorGate:
    """Signs mentors in against their accounts, through the throttle, and checks each desk action."""

    def __init__(self, accounts: MentorAccounts, throttle: SignInThrottle, session_minutes: int,
                 clock: Callable[[], float] = time.time):
        self.accounts, self.throttle, self.clock = accounts, throttle, clock
        self.session_seconds = session_minutes * 60

    def sign_in(self, name: str, password: str, client: str) -> MentorSession:
        """A session for ``name``.

        Raises:
            TooManyAttempts: sign-in waits for this name or client (ui/throttle.py).
            SignInRefused: the name or password is wrong.
        """
        name = (name or "").strip()
        if not self.throttle.attempt(name, client, lambda: self.accounts.verify(name, password or "")):
            raise SignInRefused("Wrong user or password.")
        return MentorSession(name, self.clock() + self.session_seconds)

    def check(self, session: MentorSession | None) -> str:
        """The mentor's name when ``session`` still holds; else SignInRefused saying why."""
        if not isinstance(session, MentorSession):
            raise SignInRefused("Sign in to review.")
        if self.clock() >= session.expires_at:
            raise SignInRefused("Your session has ended; sign in again.")
        account = self.accounts.get(session.name)
        if account is None or not account.active:
            raise SignInRefused(f"The account {session.name!r} was removed; sign in with another.")
        return session.name


def desk_mentor(gate: MentorGate | None, session: MentorSession | None) -> str:
    """For a desk event: the signed-in mentor's name, or the reason shown in the app (gr.Error)."""
    import gradio as gr

    if gate is None:
        raise gr.Error("Review is off on this server.")
    try:
        return gate.check(session)
    except SignInRefused as refused:
        raise gr.Error(str(refused)) from None

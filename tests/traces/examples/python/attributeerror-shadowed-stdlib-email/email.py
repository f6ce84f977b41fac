"""Helpers to build the e-mails we send (templates live in templates/)."""

SIGNATURE = "-- \nAna, inbox-tools"


def render(body):
    return body + "\n" + SIGNATURE

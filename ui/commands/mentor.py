"""``khub mentor``: named mentor accounts (add, remove, list), stored hashed in the review database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ui.accounts import MentorAccounts
from ui.options import index_dir_option, json_option, review_db, settings_from


@click.group("mentor")
def mentor_command() -> None:
    """Mentor accounts for the review desk: each verdict records the mentor who gave it.

    \b
    Examples:
      khub mentor add ana                  # asks for the password twice
      khub mentor list
      khub mentor remove ana               # ana can no longer sign in; her verdicts keep her name
    """


def _accounts(index_dir: Path | None) -> MentorAccounts:
    return MentorAccounts(review_db(settings_from(index_dir)))


@mentor_command.command("add")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (for scripts).")
@index_dir_option
def add_command(name: str, password_stdin: bool, index_dir: Path | None) -> None:
    """Add mentor NAME (or give a removed one back) with a new password.

    \b
    Examples:
      khub mentor add ana
      printf '%s\\n' "$PASSWORD" | khub mentor add ana --password-stdin
    """
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt="Repeat the password")
    mentor = _accounts(index_dir).add(name, password)
    click.echo(f"Mentor {mentor.name} can now sign in to the review desk.")


@mentor_command.command("remove")
@click.argument("name")
@index_dir_option
def remove_command(name: str, index_dir: Path | None) -> None:
    """Remove mentor NAME: they can no longer sign in; their verdicts and notes keep their name.

    \b
    Example:
      khub mentor remove ana
    """
    _accounts(index_dir).remove(name)
    click.echo(f"Mentor {name} is removed; signed-in sessions end at their next action.")


@mentor_command.command("list")
@click.option("--all", "include_removed", is_flag=True, help="Also list removed mentors.")
@index_dir_option
@json_option
def list_command(include_removed: bool, index_dir: Path | None, as_json: bool) -> None:
    """List mentor accounts (never their passwords).

    \b
    Examples:
      khub mentor list
      khub mentor list --all --json
    """
    mentors = _accounts(index_dir).list(include_removed=include_removed)
    if as_json:
        click.echo(json.dumps({"mentors": [{"name": m.name, "created_at": m.created_at, "removed_at": m.removed_at}
                                           for m in mentors]}, indent=2))
        return
    if not mentors:
        click.echo("No mentor accounts yet; add one with: khub mentor add NAME")
    for mentor in mentors:
        state = f"removed {mentor.removed_at}" if mentor.removed_at else f"since {mentor.created_at}"
        click.echo(f"{mentor.name}  ({state})")

"""The ``khub`` command line: a thin client of the library, one module per command."""

from __future__ import annotations

import logging
import sys

import click

import khub
from khub.errors import KhubError
from khub.secrets import RedactingFilter, redact
from ui.commands.ask import ask_command
from ui.commands.check import check_command
from ui.commands.diagnose import diagnose_command
from ui.commands.evaluate import eval_command
from ui.commands.ingest import ingest_command
from ui.commands.mentor import mentor_command
from ui.commands.new import new_command
from ui.commands.path import path_command
from ui.commands.review import review_command
from ui.commands.search import search_command
from ui.commands.serve import serve_command
from ui.commands.show import show_command


class KhubGroup(click.Group):
    """Turns library errors into a one-line message and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KhubError as exc:
            raise click.ClickException(redact(str(exc))) from exc
        except KeyboardInterrupt:
            click.echo("interrupted; the live index is unchanged", err=True)
            sys.exit(130)


@click.group(cls=KhubGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(khub.__version__, prog_name="khub")
def main() -> None:
    """khub: ask an engineering knowledge archive, offline.

    \b
    Start here:
      khub ingest                          # index the bundled corpus/
      khub search "jwt refresh token expiry"
      khub search "undefined variable" --kind error --json
      python app.py 2>&1 | khub diagnose
      khub ask "how do I expire a JWT early?"
    """
    _show_progress_notes()


def _show_progress_notes() -> None:
    """khub's own notes (e.g. a one-time model preparation) go to stderr, one line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("khub: %(message)s"))
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("khub")
    if not logger.handlers:
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


main.add_command(ingest_command)
main.add_command(search_command)
main.add_command(diagnose_command)
main.add_command(ask_command)
main.add_command(show_command)
main.add_command(check_command)
main.add_command(path_command)
main.add_command(new_command)
main.add_command(serve_command)
main.add_command(eval_command)
main.add_command(mentor_command)
main.add_command(review_command)

if __name__ == "__main__":
    main()

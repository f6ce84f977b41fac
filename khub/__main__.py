"""``python -m khub`` runs the command line, like the ``khub`` script."""

from ui.cli import main

main()

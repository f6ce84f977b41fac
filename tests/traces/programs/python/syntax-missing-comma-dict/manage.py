#!/usr/bin/env python3
"""Tiny management entry point: `python3 manage.py check` validates the configuration."""
import importlib
import sys


def main(argv):
    if argv[1:] == ["check"]:
        settings = importlib.import_module("settings")
        print("configuration OK:", ", ".join(sorted(settings.DATABASES)))


if __name__ == "__main__":
    main(sys.argv)

import shutil
import sys

from setuptools import setup

if shutil.which("pg_config_missing_on_purpose") is None:
    sys.exit(
        "\nError: pg_config executable not found.\n\n"
        "pg_config is required to build pgdriver from source.  Please add the directory\n"
        "containing pg_config to the $PATH or specify the full executable path with the\n"
        "option:\n\n    python setup.py build_ext --pg-config /path/to/pg_config build ...\n"
    )

setup(name="pgdriver", version="2.9.9")

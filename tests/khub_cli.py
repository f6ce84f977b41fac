"""Run the `khub` command in-process, as a user would, on a given index."""

from __future__ import annotations

from click.testing import CliRunner

from ui.cli import main


def khub_cli(settings):
    """``invoke(*args, input=None, **env)``: run khub on ``settings``' index; keywords add variables."""
    env = {"KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(settings.model_cache_dir)}

    def invoke(*args, input=None, **more_env):
        return CliRunner().invoke(main, list(map(str, args)), env={**env, **more_env}, input=input,
                                  catch_exceptions=False)

    return invoke

"""The settings: read from KHUB_* variables of one mapping, overrides on top, each bad value named in one line."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from khub import settings as khub_settings
from khub.errors import ConfigError
from khub.settings import DEFAULT_ENCODER, DEFAULT_LLM_TIMEOUT, MAX_ENTRY_BYTES, Settings, max_entry_bytes, review_login


def test_an_empty_environment_gives_the_defaults():
    settings = Settings.from_env({})
    assert settings.index_dir == khub_settings.default_index_dir()
    assert settings.corpus_dir == khub_settings.default_corpus_dir()
    assert settings.model_cache_dir == settings.index_dir / "models"
    assert (settings.encoder, settings.threads, settings.model, settings.api_base) == (DEFAULT_ENCODER, None,
                                                                                        "extractive", None)
    assert (settings.fallback_models, settings.llm_timeout, settings.refuse_below) == ((), DEFAULT_LLM_TIMEOUT, None)
    assert settings.models_dir is settings.review_db is None and settings.review_login() is None
    assert max_entry_bytes({}) == MAX_ENTRY_BYTES


def test_each_variable_is_read_and_typed():
    settings = Settings.from_env({
        "KHUB_INDEX_DIR": "~/khub-index", "KHUB_CORPUS_DIR": "/data/archive", "KHUB_ENCODER": "torch",
        "KHUB_THREADS": "2", "KHUB_MODELS_DIR": "/data/models", "KHUB_MODEL": "openai/gpt-test",
        "KHUB_API_BASE": "http://127.0.0.1:9/v1", "KHUB_FALLBACK_MODELS": "ollama/a, ,ollama/b,",
        "KHUB_LLM_TIMEOUT": "2.5", "KHUB_REFUSE_BELOW": "-1", "KHUB_REVIEW_DB": "/data/reviews.sqlite",
        "KHUB_REVIEW_USER": "ana", "KHUB_REVIEW_PASSWORD": "pw", "KHUB_PORT": "8080", "PATH": "/bin",
    })
    assert settings.index_dir == Path.home() / "khub-index" and settings.corpus_dir == Path("/data/archive")
    assert (settings.encoder, settings.threads, settings.model) == ("torch", 2, "openai/gpt-test")
    assert settings.models_dir == settings.model_cache_dir == Path("/data/models")
    assert settings.api_base == "http://127.0.0.1:9/v1" and settings.fallback_models == ("ollama/a", "ollama/b")
    assert (settings.llm_timeout, settings.refuse_below) == (2.5, -1.0)
    assert settings.review_db == Path("/data/reviews.sqlite") and settings.review_login() == ("ana", "pw")
    assert "pw" not in repr(settings)
    assert max_entry_bytes({"KHUB_MAX_ENTRY_BYTES": "5000000"}) == 5_000_000


def test_an_empty_variable_counts_as_unset():
    empty = {name: "" for name in ("KHUB_INDEX_DIR", "KHUB_THREADS", "KHUB_MODEL", "KHUB_LLM_TIMEOUT",
                                   "KHUB_FALLBACK_MODELS", "KHUB_REFUSE_BELOW", "KHUB_REVIEW_USER")}
    assert Settings.from_env(empty) == Settings.from_env({})
    assert max_entry_bytes({"KHUB_MAX_ENTRY_BYTES": ""}) == MAX_ENTRY_BYTES


def test_a_given_mapping_is_the_only_one_read(monkeypatch):
    monkeypatch.setenv("KHUB_MODEL", "from-the-process")
    monkeypatch.setenv("KHUB_THREADS", "none")
    monkeypatch.setenv("KHUB_REVIEW_USER", "half-a-login")
    assert Settings.from_env({}).model == "extractive"
    assert Settings.from_env({"KHUB_MODEL": "given"}).model == "given"
    assert review_login({}) is None
    with pytest.raises(ConfigError, match="KHUB_THREADS='none'"):
        Settings.from_env()  # without a mapping: the process environment


def test_settings_built_directly_hold_only_what_they_are_given(monkeypatch, tmp_path):
    monkeypatch.setenv("KHUB_MODEL", "from-the-process")
    settings = Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "archive")
    assert settings.model == "extractive" and settings.index_dir == tmp_path / "index"


def test_overrides_win_over_the_environment_and_none_leaves_it():
    environ = {"KHUB_INDEX_DIR": "/from/env", "KHUB_MODEL": "from-env", "KHUB_THREADS": "3"}
    settings = Settings.from_env(environ, index_dir=Path("/from/option"), model=None, threads=1)
    assert (settings.index_dir, settings.model, settings.threads) == (Path("/from/option"), "from-env", 1)


def test_settings_are_frozen_and_comparable():
    settings = Settings.from_env({"KHUB_MODEL": "local"})
    with pytest.raises(ValidationError):
        settings.model = "extractive"
    assert settings == Settings.from_env({"KHUB_MODEL": "local"}) and hash(settings)
    assert settings.model_copy(update={"model": "extractive"}) == Settings.from_env({})


BAD_VALUES = [
    ("KHUB_THREADS", "two", "KHUB_THREADS='two' is not a positive whole number; unset it or set e.g. KHUB_THREADS=2"),
    ("KHUB_THREADS", "0", "KHUB_THREADS='0' is not a positive whole number; unset it or set e.g. KHUB_THREADS=2"),
    ("KHUB_THREADS", "2.5", "KHUB_THREADS='2.5' is not a positive whole number; unset it or set e.g. KHUB_THREADS=2"),
    ("KHUB_LLM_TIMEOUT", "no", "KHUB_LLM_TIMEOUT='no' is not a positive number of seconds; e.g. KHUB_LLM_TIMEOUT=30"),
    ("KHUB_LLM_TIMEOUT", "-5", "KHUB_LLM_TIMEOUT='-5' is not a positive number of seconds; e.g. KHUB_LLM_TIMEOUT=30"),
    ("KHUB_REFUSE_BELOW", "high", "KHUB_REFUSE_BELOW='high' is not a number; e.g. KHUB_REFUSE_BELOW=1.1"),
]


@pytest.mark.parametrize(("name", "value", "message"), BAD_VALUES)
def test_a_bad_value_is_one_line_naming_the_variable(name, value, message):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({name: value})
    assert str(caught.value) == message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__  # no pydantic report behind it


@pytest.mark.parametrize("value", ["lots", "0", "-1"])
def test_a_bad_entry_size_limit_is_one_line(value):
    with pytest.raises(ConfigError) as caught:
        max_entry_bytes({"KHUB_MAX_ENTRY_BYTES": value})
    assert str(caught.value) == f"KHUB_MAX_ENTRY_BYTES={value!r} is not a positive whole number of bytes; e.g. 5000000"


@pytest.mark.parametrize("given", [{"KHUB_REVIEW_USER": "ana"}, {"KHUB_REVIEW_PASSWORD": "pw"}])
def test_half_a_review_login_is_refused_only_when_it_is_asked_for(given):
    settings = Settings.from_env(given)  # other commands still run
    message = "set both KHUB_REVIEW_USER and KHUB_REVIEW_PASSWORD to turn mentor review on"
    with pytest.raises(ConfigError, match=message):
        settings.review_login()
    with pytest.raises(ConfigError, match=message):
        review_login(given)


def test_the_command_line_reports_a_bad_setting_in_one_line(tmp_path):
    from ui.cli import main

    result = CliRunner().invoke(main, ["search", "jwt"], env={"KHUB_INDEX_DIR": str(tmp_path), "KHUB_THREADS": "x"})
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == "Error: KHUB_THREADS='x' is not a positive whole number; unset it or set e.g. " \
                                    "KHUB_THREADS=2"

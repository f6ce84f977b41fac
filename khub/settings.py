"""One typed, frozen settings object, read from the environment once, at the edge (pydantic-settings)."""

from __future__ import annotations

import functools
import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Self
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, PositiveFloat, PositiveInt, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, EnvSettingsSource, NoDecode, SettingsConfigDict

from khub.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parents[1]
ENV_PREFIX = "KHUB_"
ENCODERS = ("onnx-int8", "onnx", "torch")  # the embedding backends (embeddings/encoder.py)
DEFAULT_ENCODER = "onnx-int8"
DEFAULT_LLM_TIMEOUT = 60.0  # seconds a model may take to answer
# The longest entry of the public archive is 73 kB; one of megabytes is a pasted log or a dump,
# which would take minutes to embed and crowd every search. KHUB_MAX_ENTRY_BYTES raises the limit.
MAX_ENTRY_BYTES = 1_000_000

# KHUB_REVIEW_DB: a SQLite file (the default) or one of these (PostgreSQL through psycopg 3).
DATABASE_SCHEMES = ("postgresql", "postgresql+psycopg")
DATABASE_EXAMPLE = "postgresql://USER:PASSWORD@HOST:5432/DATABASE"
PASSWORD_PARAMETER = re.compile(r"(\bpassword=)[^&]*", re.I)
MASK = "***"

# What a bad value is told, after "KHUB_<NAME>='<value>' ".
PROBLEMS = {
    "threads": "is not a positive whole number; unset it or set e.g. KHUB_THREADS=2",
    "llm_timeout": "is not a positive number of seconds; e.g. KHUB_LLM_TIMEOUT=30",
    "refuse_below": "is not a number; e.g. KHUB_REFUSE_BELOW=1.1",
    "max_entry_bytes": "is not a positive whole number of bytes; e.g. 5000000",
    "trusted_proxies": "is not a comma-separated list of addresses; e.g. KHUB_TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8",
}


def _in_checkout() -> bool:
    return (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "corpus").is_dir()


def default_index_dir() -> Path:
    """Inside the project when run from a checkout; otherwise the user's data folder."""
    if _in_checkout():
        return PROJECT_ROOT / "index"
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "khub" / "index"


def default_corpus_dir() -> Path:
    """The hub's own archive, bundled with the project."""
    return PROJECT_ROOT / "corpus"


class FromEnvironment(BaseSettings):
    """Settings that ``from_env`` reads from KHUB_* variables; built directly, they hold what they are given."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True, frozen=True, extra="forbid")

    def __init__(self, **values: Any) -> None:
        # Only the keywords given: BaseSettings would also read os.environ, .env and secrets files here;
        # the environment is read by from_env alone, from the mapping it is given.
        BaseModel.__init__(self, **values)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ, **overrides: Any) -> Self:
        """The KHUB_* variables of ``environ`` (no other mapping is read); overrides that are not None win.

        Raises:
            ConfigError: a value is unusable; the message names the variable, its value and an example.
        """
        given = {key: value for key, value in overrides.items() if value is not None}
        values = {**_Environment(cls, environ)(), **given}
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            raise _config_error(error) from None


class _Environment(EnvSettingsSource):
    """pydantic-settings' reading of KHUB_* variables, from a given mapping instead of always os.environ."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]):
        self.environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        # The one hook that reads os.environ, overridden as the library's own dotenv source does:
        # the source takes no mapping (pydantic/pydantic-settings#653).
        return {name if self.case_sensitive else name.lower(): value for name, value in self.environ.items()
                if value or not self.env_ignore_empty}


def _config_error(error: ValidationError) -> ConfigError:
    """The first problem as one line naming the variable, the value and an example, never a traceback."""
    first = error.errors()[0]
    name = str(first["loc"][0])
    reason = first.get("ctx", {}).get("error") or first["msg"]  # a validator's own words, without "Value error, "
    problem = PROBLEMS.get(name, f"is not usable: {reason}")
    shown = mask_password(str(first["input"])) if name == "review_db" else first["input"]
    return ConfigError(f"{ENV_PREFIX}{name.upper()}={shown!r} {problem}")


@dataclass(frozen=True)
class DatabaseUrl:
    """A PostgreSQL server's URL (KHUB_REVIEW_DB): shown, logged and repr'd with its password masked."""

    url: str = field(repr=False)

    def __str__(self) -> str:
        return mask_password(self.url)

    def __repr__(self) -> str:
        return f"DatabaseUrl({str(self)!r})"


def mask_password(url: str) -> str:
    """``url`` with the password of its user part, and any password= parameter, shown as ***."""
    scheme, separator, rest = url.partition("://")
    head, question_mark, query = rest.partition("?")
    user, at, host = head.rpartition("@")
    if ":" in user:
        user = user.split(":", 1)[0] + ":" + MASK
    query = PASSWORD_PARAMETER.sub(r"\g<1>" + MASK, query)
    return f"{scheme}{separator}{user}{at}{host}{question_mark}{query}"


def review_database(value: str | Path | DatabaseUrl) -> Path | DatabaseUrl:
    """KHUB_REVIEW_DB as a SQLite file's path or a PostgreSQL URL; a ValueError says what is wrong with a URL."""
    if isinstance(value, DatabaseUrl):
        return value
    if isinstance(value, Path) or "://" not in value:
        return Path(value).expanduser()
    scheme = value.partition("://")[0]
    if scheme not in DATABASE_SCHEMES:
        raise ValueError(f"{scheme}:// is not a database khub can use; give a file path (SQLite) or a "
                         f"PostgreSQL URL, {DATABASE_EXAMPLE}")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (parsed on access: a port that is not a number raises here)
    except ValueError as error:
        raise ValueError(f"the URL cannot be read ({error}); write it as {DATABASE_EXAMPLE}") from None
    if not parts.path.strip("/"):
        raise ValueError(f"the URL names no database; end it with /DATABASE, as in {DATABASE_EXAMPLE}")
    return DatabaseUrl(value)


class Settings(FromEnvironment):
    """Everything configurable; CLI options mirror these and fall back to KHUB_* variables.

    ``Settings.from_env()`` reads each field from KHUB_<FIELD> (KHUB_INDEX_DIR, KHUB_LLM_TIMEOUT, ...).
    """

    index_dir: Path = Field(default_factory=default_index_dir)
    corpus_dir: Path = Field(default_factory=default_corpus_dir)
    encoder: str = DEFAULT_ENCODER
    threads: PositiveInt | None = None
    ray: str | None = None  # KHUB_RAY: embed on Ray, "local" (started here) or a cluster address
    # KHUB_STORE: where the index lives: "local" (snapshots under index_dir), a milvus-lite file ending
    # in .db, or a Milvus server's http(s)://host:port (its token in KHUB_MILVUS_TOKEN).
    store: str = "local"
    milvus_token: SecretStr | None = None
    models_dir: Path | None = None
    model: str = "extractive"  # or "local" (SmolLM2 in-process), or any litellm model string
    api_base: str | None = None
    fallback_models: Annotated[tuple[str, ...], NoDecode] = ()  # KHUB_FALLBACK_MODELS: comma-separated, not JSON
    llm_timeout: PositiveFloat = DEFAULT_LLM_TIMEOUT
    refuse_below: float | None = None  # a plain search-score floor instead of the fitted refusal decision
    # The mentors' review store: a SQLite file (default: <index dir>/reviews.sqlite) or a postgresql:// URL.
    review_db: Annotated[Path | DatabaseUrl | None, NoDecode] = None
    review_user: str | None = None  # the mentors' login, with review_password; see review_login()
    review_password: SecretStr | None = None
    # Opening it to the internet (README: Deploying on the internet).
    session_minutes: PositiveInt = 8 * 60  # a mentor's sign-in lasts this long
    signin_free_attempts: PositiveInt = 5  # failed sign-ins (per name, per client) before attempts wait
    signin_delay: PositiveFloat = 5.0  # the first wait, in seconds; each further failure doubles it
    ask_per_minute: PositiveInt = 10  # per client; mentors' own actions are not limited
    diagnose_per_minute: PositiveInt = 30
    search_per_minute: PositiveInt = 120  # search-as-you-type sends one request per pause in typing
    max_question_chars: PositiveInt = 20_000  # a question or a pasted error output
    answers_per_client_per_day: PositiveInt = 500  # answers stored for review per client per day
    # Whose X-Forwarded-For is believed (KHUB_TRUSTED_PROXIES, comma-separated addresses or networks);
    # by default a proxy on the same machine, as uvicorn's own default.
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = ("127.0.0.1", "::1")

    @field_validator("index_dir", "corpus_dir")
    @classmethod
    def _expand_home(cls, path: Path) -> Path:
        return path.expanduser()

    @field_validator("store")
    @classmethod
    def _store_uri(cls, uri: str) -> str:
        uri = uri.strip()
        if uri == "local" or uri.startswith(("http://", "https://")):
            return uri
        if uri.endswith(".db"):
            return str(Path(uri).expanduser().resolve())
        raise ValueError("must be local, a milvus-lite file ending in .db (e.g. index/khub.db), "
                         "or a Milvus server such as http://localhost:19530")

    @field_validator("review_db", mode="before")
    @classmethod
    def _review_database(cls, value: Any) -> Any:
        return None if value is None else review_database(value)

    @field_validator("fallback_models", "trusted_proxies", mode="before")
    @classmethod
    def _split_commas(cls, names: Any) -> Any:
        return tuple(name.strip() for name in names.split(",") if name.strip()) if isinstance(names, str) else names

    @field_validator("trusted_proxies")
    @classmethod
    def _addresses(cls, proxies: tuple[str, ...]) -> tuple[str, ...]:
        for proxy in proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise ValueError(f"{proxy!r} is not an address or a network such as 10.0.0.0/8") from None
        return proxies

    @property
    def model_cache_dir(self) -> Path:
        """Encoder files derived from the packaged weights (e.g. the int8 ONNX export)."""
        return self.models_dir or self.index_dir / "models"

    @property
    def index_location(self) -> str:
        """Where the index is, as messages name it: its folder, or the Milvus that holds it."""
        return str(self.index_dir) if self.store == "local" else f"Milvus at {self.store}"

    def review_login(self) -> tuple[str, str] | None:
        """The mentors' login (KHUB_REVIEW_USER and KHUB_REVIEW_PASSWORD), or None when review is off.

        Checked here rather than when the settings are read, so that only ``khub serve`` stops on half a login.
        """
        password = self.review_password.get_secret_value() if self.review_password else ""
        if bool(self.review_user) != bool(password):
            raise ConfigError("set both KHUB_REVIEW_USER and KHUB_REVIEW_PASSWORD to turn mentor review on")
        return (self.review_user, password) if self.review_user else None


class EntryLimit(FromEnvironment):
    """The size limit of one entry, read at validation, deep in the readers, where no Settings reaches."""

    max_entry_bytes: PositiveInt = MAX_ENTRY_BYTES


def max_entry_bytes(environ: Mapping[str, str] = os.environ) -> int:
    """The largest body one entry may have, in bytes (KHUB_MAX_ENTRY_BYTES)."""
    # Asked once per entry: reading the whole environment each time cost 0.1 ms an entry, so the one
    # variable is looked up and each value it takes is validated once.
    return _entry_limit(environ.get(ENV_PREFIX + "MAX_ENTRY_BYTES"))


@functools.lru_cache(maxsize=8)
def _entry_limit(text: str | None) -> int:
    return EntryLimit.from_env({} if text is None else {ENV_PREFIX + "MAX_ENTRY_BYTES": text}).max_entry_bytes


def review_login(environ: Mapping[str, str] = os.environ) -> tuple[str, str] | None:
    """The mentors' login (KHUB_REVIEW_USER and KHUB_REVIEW_PASSWORD), or None when review is off."""
    return Settings.from_env(environ).review_login()


def trust_proxies(settings: Settings) -> None:
    """Tell uvicorn (which Gradio runs) whose X-Forwarded-For to believe: KHUB_TRUSTED_PROXIES.

    uvicorn reads FORWARDED_ALLOW_IPS when the server starts; from any other peer it ignores the header.
    """
    os.environ["FORWARDED_ALLOW_IPS"] = ",".join(settings.trusted_proxies)

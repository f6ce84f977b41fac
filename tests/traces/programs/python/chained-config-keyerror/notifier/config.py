import json
from pathlib import Path


class ConfigError(Exception):
    """Raised when settings.json is missing something the service needs."""


def load_settings(path: Path) -> dict:
    with path.open() as fh:
        return json.load(fh)


def smtp_settings(settings: dict) -> tuple[str, int]:
    try:
        smtp = settings["smtp"]
        return smtp["host"], int(smtp["port"])
    except KeyError as exc:
        raise ConfigError(f"settings.json: missing smtp setting {exc}") from exc

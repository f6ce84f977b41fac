import tomllib


class ConfigError(Exception):
    pass


def load_config(path="config/bot.toml"):
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}") from exc


cfg = load_config()
print("token:", cfg["token"][:4])

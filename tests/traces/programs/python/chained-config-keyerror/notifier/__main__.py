from pathlib import Path

from notifier.config import load_settings, smtp_settings


def main() -> None:
    settings = load_settings(Path("settings.json"))
    host, port = smtp_settings(settings)
    print(f"sending digest through {host}:{port}")


if __name__ == "__main__":
    main()

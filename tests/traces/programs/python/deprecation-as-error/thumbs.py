"""Generate thumbnails for uploaded product images."""
import imghdr
import sys
from pathlib import Path

ALLOWED = {"png", "jpeg", "gif", "webp"}


def image_kind(path: Path) -> str | None:
    return imghdr.what(path)


if __name__ == "__main__":
    for p in map(Path, sys.argv[1:]):
        print(p, image_kind(p) in ALLOWED)

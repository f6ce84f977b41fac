"""Validate the Kubernetes manifests under deploy/ before a release."""
import sys
from pathlib import Path

import yaml

REQUIRED = ("apiVersion", "kind", "metadata")


def main() -> int:
    bad = 0
    for path in sorted(Path("deploy").glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            missing = [k for k in REQUIRED if k not in doc]
            if missing:
                print(f"{path}: missing {', '.join(missing)}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

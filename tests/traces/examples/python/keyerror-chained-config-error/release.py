import json
import sys


class DeployConfigError(Exception):
    pass


def target(env):
    with open("deploy.json") as fh:
        cfg = json.load(fh)
    try:
        return cfg["environments"][env]
    except KeyError as exc:
        raise DeployConfigError(f"no deploy target for environment {env!r}") from exc


print(target(sys.argv[1]))

import sys


def load(path):
    env = {}
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, value = line.split("=")
        env[key] = value
    return env


print(sorted(load(sys.argv[1])))

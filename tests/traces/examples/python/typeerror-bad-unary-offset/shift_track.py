import sys


def read_cfg(path):
    cfg = {}
    for line in open(path):
        key, value = line.strip().split("=")
        cfg[key] = value
    return cfg


cfg = read_cfg(sys.argv[1])
shift = -cfg["offset_seconds"]
print("shifting by", shift)

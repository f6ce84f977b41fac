from collections import Mapping


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = merge(out.get(k, {}), v) if isinstance(v, Mapping) else v
    return out


print(merge({"db": {"host": "a"}}, {"db": {"port": 5432}}))

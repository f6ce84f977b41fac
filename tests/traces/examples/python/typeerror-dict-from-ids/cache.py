IDS = [1042, 1043, 1044]


def warm():
    seen = dict(IDS)
    print(f"warmed {len(seen)} ids")

TARGETS = ["db.internal:5432", "cache.internal:6379", "queue.internal"]

for target in TARGETS:
    host, port = target.split(":")
    print(f"{host:20} {int(port):5d}")

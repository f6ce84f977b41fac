import time

print("rebuilding search index ...", flush=True)
for doc_id in range(1, 10_000):
    time.sleep(0.01)
    if doc_id % 50 == 0:
        print(f"  {doc_id} documents", flush=True)

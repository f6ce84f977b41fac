import os
import signal

with open("collector.pid") as fh:
    pid = int(fh.read())

print(f"stopping collector (pid {pid})")
os.kill(pid, signal.SIGTERM)

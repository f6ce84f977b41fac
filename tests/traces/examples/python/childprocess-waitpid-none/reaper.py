import os
import subprocess

workers = [subprocess.Popen(["sleep", "0.1"]) for _ in range(2)]
for w in workers:
    w.wait()

pid, status = os.waitpid(-1, 0)
print("reaped", pid, status)

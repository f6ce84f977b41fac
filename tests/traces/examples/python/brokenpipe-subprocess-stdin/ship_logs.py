import subprocess

payload = b"2026-03-14T10:00:00 INFO request served\n" * 50000
proc = subprocess.Popen(["head", "-c", "16"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
proc.stdin.write(payload[:16])
proc.stdin.flush()
proc.wait()
proc.stdin.write(payload)
proc.stdin.flush()

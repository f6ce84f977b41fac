import subprocess

print("running slow lint step")
subprocess.run(["sleep", "5"], timeout=1, check=True)

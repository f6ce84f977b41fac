import subprocess

print("running migrations")
subprocess.run(["./scripts/migrate.sh"], check=True)
print("done")

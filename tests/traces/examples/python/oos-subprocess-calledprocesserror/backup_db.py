import subprocess

subprocess.run(["tar", "czf", "/tmp/uploads-backup.tgz", "uploads/"], check=True)
print("backup written")

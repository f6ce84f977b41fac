import sys

archive = sys.argv[1]
print(f"restoring {archive} ...")

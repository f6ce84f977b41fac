import os

for name in ("build", "dist", ".tox"):
    if os.path.exits(name):
        print("removing", name)

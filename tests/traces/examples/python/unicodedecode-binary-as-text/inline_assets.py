import os

for name in sorted(os.listdir("assets")):
    with open(os.path.join("assets", name)) as fh:
        print(name, len(fh.read()))

import os

for name in sorted(os.listdir("dist/wheels")):
    print(name)

import os

files = os.listdir(".")
if not files:
    return
print(len(files))

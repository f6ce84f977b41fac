import zipfile

with zipfile.ZipFile("data.zip") as zf:
    zf.extractall("data")

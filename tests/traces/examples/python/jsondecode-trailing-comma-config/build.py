import json

with open("site.json") as fh:
    site = json.load(fh)
print("building", site["title"])

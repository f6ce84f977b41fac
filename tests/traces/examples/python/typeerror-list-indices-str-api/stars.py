import json

with open("repos.json") as fh:
    data = json.load(fh)

for repo in data["items"]:
    print(repo["name"], repo["stargazers_count"])

import json

with open("config.json") as fh:
    config = json.load(fh)

host = config.smtp["host"]
print("connecting to", host)

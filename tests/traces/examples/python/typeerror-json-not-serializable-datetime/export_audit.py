import datetime
import json

records = [
    {"user": "ana", "action": "login", "at": datetime.datetime(2026, 3, 14, 9, 30)},
]

with open("audit.json", "w") as fh:
    fh.write(json.dumps(records, indent=2))

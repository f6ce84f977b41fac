entries = [("deploy api", ["ops"]), ("rotate keys", ["security"])]

for entry in entries:
    if "keys" in entry[0]:
        entry[1] += ["urgent"]

print(entries)

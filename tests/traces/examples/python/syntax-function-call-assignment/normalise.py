def clean(tag):
    return tag.strip()

tags = [" ops", "db "]
for t in tags:
    clean(t) = t.lower()

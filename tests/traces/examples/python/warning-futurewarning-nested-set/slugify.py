import re

WORD = re.compile(r"[[:alpha:]]+")
print("-".join(WORD.findall("Spring Sale 2026: Teas & Kettles")).lower())

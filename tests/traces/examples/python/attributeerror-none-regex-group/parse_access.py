import re
import sys
from collections import Counter

LINE = re.compile(r"(\d+\.\d+\.\d+\.\d+) - - \[[^]]+\] \"(\w+) (\S+)")

hits = Counter()
with open(sys.argv[1]) as fh:
    for line in fh:
        path = LINE.match(line).group(3)
        hits[path] += 1

for path, n in hits.most_common(5):
    print(f"{n:6d} {path}")

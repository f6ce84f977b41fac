import sys
from __future__ import annotations

print(sys.version)

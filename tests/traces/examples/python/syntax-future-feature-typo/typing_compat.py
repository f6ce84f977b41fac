from __future__ import anotations

print("ok")

import os as o, sys as
print(o.name)

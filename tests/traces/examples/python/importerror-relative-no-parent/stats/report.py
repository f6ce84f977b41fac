from .loader import load

print(sum(load()))

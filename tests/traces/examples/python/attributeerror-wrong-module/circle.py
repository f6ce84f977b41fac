import math
import random

r = random.uniform(1, 2)
print(random.pi * r ** 2)

from dataclasses import dataclass


@dataclass(slots=True)
class Point:
    x: float
    y: float


p = Point(3.0, 4.0)
p.label = "depot"
print(p)

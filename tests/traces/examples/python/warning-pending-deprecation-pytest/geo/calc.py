import math
import warnings


def distance_km(a, b):
    warnings.warn('distance_km() will be replaced by distance(unit="km")', PendingDeprecationWarning, stacklevel=2)
    return math.dist(a, b) * 111.0

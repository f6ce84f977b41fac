def scale(value, factor, factor):
    return value * factor

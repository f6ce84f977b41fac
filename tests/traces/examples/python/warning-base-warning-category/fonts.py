import warnings

AVAILABLE = {"DejaVu Sans"}


def pick_font(name):
    if name not in AVAILABLE:
        warnings.warn(f"font {name!r} not found, falling back to DejaVu Sans", Warning)
        return "DejaVu Sans"
    return name

import warnings


def smooth(series, season=12):
    if len(series) < season:
        warnings.warn(
            f"fewer than {season} data points, seasonal smoothing disabled",
            stacklevel=1,
        )
        return list(series)
    return series

ACCENT = (52, 120, 246)


def darken(color, channel, amount):
    color[channel] = max(0, color[channel] - amount)
    return color


print(darken(ACCENT, 2, 60))

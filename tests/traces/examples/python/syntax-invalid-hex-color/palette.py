ACCENT = 0x3478fg
print(hex(ACCENT))

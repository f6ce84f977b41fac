voltage = 5 + 0j
for f in (50, 0):
    z = 2j * 3.14159 * f * 0.01
    print(f, voltage / z)

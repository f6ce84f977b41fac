print("allocating buffer for 64M records")
buffer = bytearray(512 * 1024 * 1024)
print(len(buffer))

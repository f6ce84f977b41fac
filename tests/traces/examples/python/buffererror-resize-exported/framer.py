import struct

frame = bytearray(struct.pack("!HH", 1, 0))
header = memoryview(frame)[:4]
frame.extend(b"payload")
struct.pack_into("!H", header, 2, len(frame) - 4)
print(bytes(frame))

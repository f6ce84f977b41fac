import struct

packet = b"\x00\x01\x00\x10\x00\x02"
version, flags, length = struct.unpack("!HHI", packet)
print(version, flags, length)

import socket

a, b = socket.socketpair()
b.setblocking(False)
a.sendall(b"")
print("got", b.recv(1024))

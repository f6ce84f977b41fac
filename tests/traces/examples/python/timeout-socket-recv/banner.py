import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 18412))
srv.listen()

s = socket.create_connection(("127.0.0.1", 18412))
s.settimeout(1.5)
print("banner:", s.recv(256))

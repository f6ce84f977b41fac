import socket

KEYS = ["user:17", "user:18"]


def send(cmd):
    with socket.create_connection(("127.0.0.1", 18379), timeout=3) as s:
        s.sendall(cmd.encode() + b"\r\n")
        return s.recv(1024)


for key in KEYS:
    print(key, send(f"GET {key}"))

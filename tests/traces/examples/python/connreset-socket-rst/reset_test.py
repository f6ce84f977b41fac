import socket
import struct
import threading
import time

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 18411))
srv.listen()


def serve():
    conn, _ = srv.accept()
    conn.recv(100)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


threading.Thread(target=serve, daemon=True).start()

client = socket.create_connection(("127.0.0.1", 18411))
client.sendall(b"GET /stream\r\n")
time.sleep(0.3)
print(client.recv(4096))

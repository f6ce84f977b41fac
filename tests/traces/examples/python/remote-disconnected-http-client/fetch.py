import http.client
import socket
import threading

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 18413))
srv.listen()


def upstream():
    conn, _ = srv.accept()
    conn.recv(4096)
    conn.close()


threading.Thread(target=upstream, daemon=True).start()
c = http.client.HTTPConnection("127.0.0.1", 18413, timeout=5)
c.request("GET", "/v1/rates?base=EUR")
print(c.getresponse().read())

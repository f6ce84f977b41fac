import http.server
import socket
import ssl
import threading


class Plain(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


srv = http.server.HTTPServer(("127.0.0.1", 18417), Plain)
threading.Thread(target=srv.serve_forever, daemon=True).start()

ctx = ssl.create_default_context()
with socket.create_connection(("127.0.0.1", 18417)) as raw:
    with ctx.wrap_socket(raw, server_hostname="localhost") as tls:
        print(tls.version())

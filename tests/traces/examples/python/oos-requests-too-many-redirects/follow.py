import http.server
import threading

import requests


class Loop(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(302)
        self.send_header("Location", "/home" if self.path == "/login" else "/login")
        self.end_headers()

    def log_message(self, *args):
        pass


srv = http.server.HTTPServer(("127.0.0.1", 18422), Loop)
threading.Thread(target=srv.serve_forever, daemon=True).start()
print(requests.get("http://127.0.0.1:18422/login", timeout=5).status_code)

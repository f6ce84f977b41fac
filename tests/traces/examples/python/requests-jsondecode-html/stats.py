import http.server
import threading

import requests


class Login(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<!doctype html><title>Sign in</title>")

    def log_message(self, *args):
        pass


srv = http.server.HTTPServer(("127.0.0.1", 18416), Login)
threading.Thread(target=srv.serve_forever, daemon=True).start()

resp = requests.get("http://127.0.0.1:18416/api/repos", timeout=5)
print(len(resp.json()))

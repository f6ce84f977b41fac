import http.server
import threading

import requests


class Api(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.headers.get("Authorization") != "Bearer valid":
            self.send_response(401)
            self.send_header("WWW-Authenticate", "Bearer")
            self.end_headers()
            return
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


srv = http.server.HTTPServer(("127.0.0.1", 18420), Api)
threading.Thread(target=srv.serve_forever, daemon=True).start()

resp = requests.get("http://127.0.0.1:18420/user/repos", headers={"Authorization": "Bearer expired"}, timeout=5)
resp.raise_for_status()

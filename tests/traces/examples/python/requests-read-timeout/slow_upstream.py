import http.server
import threading
import time

import requests


class Slow(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(3)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 18421), Slow)
srv.daemon_threads = True
threading.Thread(target=srv.serve_forever, daemon=True).start()

print(requests.get("http://127.0.0.1:18421/v1/rates", timeout=1).json())

import http.server
import json
import threading
import urllib.request


class Maintenance(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<html><body><h1>Down for maintenance</h1></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


srv = http.server.HTTPServer(("127.0.0.1", 18415), Maintenance)
threading.Thread(target=srv.serve_forever, daemon=True).start()

with urllib.request.urlopen("http://127.0.0.1:18415/v1/rates") as resp:
    rates = json.loads(resp.read())
print(rates["EUR"])

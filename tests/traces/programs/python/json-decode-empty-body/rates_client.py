import json
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread


class MaintenanceHandler(BaseHTTPRequestHandler):
    """Stands in for the upstream rates service during its maintenance window: 204, no body."""

    def do_GET(self):
        self.send_response(204)
        self.end_headers()

    def log_message(self, fmt, *args):
        pass


def fetch_rates(base_url: str) -> dict:
    with urllib.request.urlopen(f"{base_url}/v1/rates?base=EUR", timeout=5) as resp:
        body = resp.read().decode()
    return json.loads(body)


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), MaintenanceHandler)
    Thread(target=server.serve_forever, daemon=True).start()
    rates = fetch_rates(f"http://127.0.0.1:{server.server_port}")
    print("USD", rates["USD"])

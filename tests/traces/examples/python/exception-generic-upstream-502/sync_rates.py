import http.server
import threading
import urllib.error
import urllib.request


class Gateway(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_error(502)

    def log_message(self, *args):
        pass


srv = http.server.HTTPServer(("127.0.0.1", 18414), Gateway)
threading.Thread(target=srv.serve_forever, daemon=True).start()


def fetch_rates():
    try:
        with urllib.request.urlopen("http://127.0.0.1:18414/v1/rates") as resp:
            return resp.read()
    except urllib.error.HTTPError as exc:
        if exc.code >= 500:
            raise Exception(f"upstream returned {exc.code} {exc.reason}, try again later") from None
        raise


print(fetch_rates())

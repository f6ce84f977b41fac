import http.server
import threading
import urllib.request


class Files(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/badges/build.svg":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<svg/>")
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


srv = http.server.HTTPServer(("127.0.0.1", 18419), Files)
threading.Thread(target=srv.serve_forever, daemon=True).start()

with urllib.request.urlopen("http://127.0.0.1:18419/badge/build.svg") as resp:
    open("build.svg", "wb").write(resp.read())

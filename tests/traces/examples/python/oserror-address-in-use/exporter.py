from http.server import BaseHTTPRequestHandler, HTTPServer


class Metrics(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"up 1\n")


HTTPServer(("127.0.0.1", 18481), Metrics).serve_forever()

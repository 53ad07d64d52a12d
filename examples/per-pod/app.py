"""A stand-in queue worker for a real cluster: GET /metric answers {"load": N}, the length of its
queue; POST /load?value=N sets it. Standard library only.
"""
import json
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

state = {"load": 0}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if urlparse(self.path).path != "/metric":
            self.send_error(404)
            return
        self.reply(200, {"load": state["load"]})

    def do_POST(self):
        url = urlparse(self.path)
        values = parse_qs(url.query).get("value")
        if url.path != "/load" or not values or not values[0].isdigit():
            self.send_error(400, "POST /load?value=<whole number>")
            return
        state["load"] = int(values[0])
        self.reply(200, {"load": state["load"]})

    def reply(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    HTTPServer(("0.0.0.0", 8080), Handler).serve_forever()

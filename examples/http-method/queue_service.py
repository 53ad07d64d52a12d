"""A small metric service for the http-method example: GET /queue-length answers the length of a
queue, as plain text. The autoscaler's http method calls it directly; no script runs per call.

The length follows phases (see LENGTHS). By default the phase moves on every ADVANCE_SECONDS (15);
the playground sets ADVANCE_SECONDS=0 and chooses the phase with PUT /standin/phase. Listens on
127.0.0.1 at STANDIN_PORT (default 8090).
"""
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LENGTHS = {"idle": 0, "busy": 42, "flooded": 500, "calm": 9}
ORDER = list(LENGTHS)


class Queue:
    def __init__(self, advance_seconds):
        self.lock = threading.Lock()
        self.phase = ORDER[0]
        self.advance_seconds = advance_seconds
        self.started = time.monotonic()

    def length(self):
        with self.lock:
            if self.advance_seconds > 0:
                elapsed = int((time.monotonic() - self.started) // self.advance_seconds)
                return LENGTHS[ORDER[elapsed % len(ORDER)]]
            return LENGTHS[self.phase]

    def choose(self, phase):
        with self.lock:
            if phase not in LENGTHS:
                return False
            self.phase = phase
            self.advance_seconds = 0
            return True


class Handler(BaseHTTPRequestHandler):
    queue = None

    def log_message(self, format, *args):
        pass

    def answer(self, status, text):
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.split("?")[0] != "/queue-length":
            self.answer(404, "no such path; try /queue-length")
            return
        self.answer(200, str(self.queue.length()))

    def do_PUT(self):
        phase = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode().strip()
        if self.path != "/standin/phase" or not self.queue.choose(phase):
            self.answer(400, "PUT /standin/phase with one of: " + ", ".join(ORDER))
            return
        self.answer(200, phase)


def main():
    Handler.queue = Queue(float(os.environ.get("ADVANCE_SECONDS", "15")))
    port = int(os.environ.get("STANDIN_PORT", "8090"))
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"queue service on http://127.0.0.1:{port}/queue-length", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

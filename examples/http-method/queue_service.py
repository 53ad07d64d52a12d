"""A small metric service for the http-method example: GET /queue-length answers the length of a
queue, as plain text. The autoscaler's http method calls it directly; no script runs per call.

The length follows phases (see LENGTHS), as ../shared/standin.py describes: a new phase every
ADVANCE_SECONDS (15) unless the playground chooses them. Listens on 127.0.0.1 at STANDIN_PORT
(default 8090).
"""
import os
import sys
from http.server import BaseHTTPRequestHandler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "shared"))
import standin  # noqa: E402  (examples/shared/standin.py)

LENGTHS = {"idle": 0, "busy": 42, "flooded": 500, "calm": 9}


class Handler(BaseHTTPRequestHandler):
    phases = standin.Phases(LENGTHS, "15")

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
        self.answer(200, str(LENGTHS[self.phases.current()]))

    def do_PUT(self):
        phase = standin.requested_phase(self)
        if phase is None or not self.phases.choose(phase):
            self.answer(400, "PUT /standin/phase with one of: " + ", ".join(LENGTHS))
            return
        self.answer(200, phase)


if __name__ == "__main__":
    standin.serve(Handler, "8090", "queue service (GET /queue-length)")

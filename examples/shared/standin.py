"""What the examples' local stand-in servers share: a clock of named phases, and serving.

A stand-in answers like the service it stands in for, following phases: by default the phase moves
on every ADVANCE_SECONDS; the playground sets ADVANCE_SECONDS=0 and chooses the phase itself with
PUT /standin/phase (the phase name as the body). It listens on 127.0.0.1 at STANDIN_PORT.
"""
import os
import threading
import time
from http.server import ThreadingHTTPServer

PHASE_PATH = "/standin/phase"


class Phases:
    """The phase a stand-in is in: moving on by itself, or as chosen."""

    def __init__(self, names, default_advance_seconds):
        self.names = list(names)
        self.lock = threading.Lock()
        self.chosen = self.names[0]
        self.advance_seconds = float(os.environ.get("ADVANCE_SECONDS", default_advance_seconds))
        self.started = time.monotonic()

    def current(self):
        with self.lock:
            if self.advance_seconds > 0:
                moves = int((time.monotonic() - self.started) // self.advance_seconds)
                return self.names[moves % len(self.names)]
            return self.chosen

    def choose(self, name):
        """Stays in phase `name` from now on; False when there is no such phase."""
        with self.lock:
            if name not in self.names:
                return False
            self.chosen = name
            self.advance_seconds = 0
            return True


def requested_phase(handler):
    """The phase a PUT /standin/phase names, or None for any other request."""
    if handler.path != PHASE_PATH:
        return None
    return handler.rfile.read(int(handler.headers.get("Content-Length", "0"))).decode().strip()


def serve(handler_class, default_port, what):
    """Serves `handler_class` on 127.0.0.1 at STANDIN_PORT until stopped."""
    port = int(os.environ.get("STANDIN_PORT", default_port))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler_class)
    print(f"{what} on http://127.0.0.1:{port}", flush=True)
    server.serve_forever()

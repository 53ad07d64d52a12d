"""A local stand-in for the X API v2 recent-search endpoint, so this example runs with no network.

Serves GET /2/tweets/search/recent with canned posts in X's response shape, ten to a page with
meta.next_token, for requests with a bearer token whose query names the hashtag. The posts change
over a scripted timeline of phases (see PHASES); the phase "rate-limited" answers 429 with X's
error body instead. By default the phase moves on every ADVANCE_SECONDS (20); the playground sets
ADVANCE_SECONDS=0 and chooses the phase itself with PUT /standin/phase (the phase name as body).

Listens on 127.0.0.1 at STANDIN_PORT (default 8765) until stopped.
"""
import json
import os
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HASHTAG = "#scaleontweet"
PAGE_SIZE = 10
UP = "\N{THUMBS UP SIGN}"
DOWN = "\N{THUMBS DOWN SIGN}"

# Each phase: (thumbs-up posts, thumbs-down posts, posts with neither). None: the API refuses.
PHASES = [
    ("quiet", (2, 1, 3)),
    ("rising", (7, 1, 4)),
    ("viral", (16, 2, 5)),
    ("backlash", (3, 6, 2)),
    ("rate-limited", None),
]


class Timeline:
    def __init__(self, advance_seconds):
        self.lock = threading.Lock()
        self.index = 0
        self.advance_seconds = advance_seconds
        self.started = time.monotonic()

    def current(self):
        with self.lock:
            if self.advance_seconds > 0:
                steps = int((time.monotonic() - self.started) // self.advance_seconds)
                return PHASES[steps % len(PHASES)]
            return PHASES[self.index]

    def choose(self, name):
        with self.lock:
            for index, (phase, _) in enumerate(PHASES):
                if phase == name:
                    self.index = index
                    self.advance_seconds = 0
                    return True
            return False


def posts(counts):
    up, down, neither = counts
    texts = (
        [f"Loving this {HASHTAG} {UP}"] * up
        + [f"Not impressed by {HASHTAG} {DOWN}"] * down
        + [f"Reading about {HASHTAG}"] * neither
    )
    return [{"id": str(1000 + i), "text": text, "edit_history_tweet_ids": [str(1000 + i)]}
            for i, text in enumerate(texts)]


class Handler(BaseHTTPRequestHandler):
    timeline = None

    def log_message(self, format, *args):
        pass

    def reply(self, status, body, headers=()):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def problem(self, status, title, detail, kind):
        self.reply(status, {"title": title, "detail": detail, "type": kind, "status": status})

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/2/tweets/search/recent":
            self.problem(404, "Not Found Error", f"no endpoint {url.path}",
                         "https://api.twitter.com/2/problems/resource-not-found")
            return
        if not self.headers.get("Authorization", "").startswith("Bearer "):
            self.problem(401, "Unauthorized", "Unauthorized", "about:blank")
            return
        query = urllib.parse.parse_qs(url.query)
        if HASHTAG not in query.get("query", [""])[0]:
            self.reply(200, {"meta": {"result_count": 0}})
            return
        name, counts = self.timeline.current()
        if counts is None:
            self.problem(429, "Too Many Requests", "Too Many Requests",
                         "https://api.twitter.com/2/problems/usage-capped")
            return
        found = posts(counts)
        start = int(query.get("next_token", ["0"])[0] or 0)
        page = found[start:start + PAGE_SIZE]
        meta = {"result_count": len(page)}
        if page:
            meta["newest_id"] = page[0]["id"]
            meta["oldest_id"] = page[-1]["id"]
        if start + PAGE_SIZE < len(found):
            meta["next_token"] = str(start + PAGE_SIZE)
        self.reply(200, {"data": page, "meta": meta} if page else {"meta": meta})

    def do_PUT(self):
        if self.path != "/standin/phase":
            self.problem(404, "Not Found Error", f"no endpoint {self.path}", "about:blank")
            return
        name = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode().strip()
        if not self.timeline.choose(name):
            known = ", ".join(phase for phase, _ in PHASES)
            self.problem(400, "Invalid Request", f"no phase {name!r}; the phases are {known}",
                         "about:blank")
            return
        self.reply(200, {"phase": name})


def main():
    Handler.timeline = Timeline(float(os.environ.get("ADVANCE_SECONDS", "20")))
    port = int(os.environ.get("STANDIN_PORT", "8765"))
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"X API stand-in on http://127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

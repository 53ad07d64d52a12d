"""A local stand-in for the X API v2 recent-search endpoint, so this example runs with no network.

Serves GET /2/tweets/search/recent with canned posts in X's response shape, ten to a page with
meta.next_token, for requests with a bearer token whose query names the hashtag. The posts change
over a scripted timeline of phases (see PHASES); the phase "rate-limited" answers 429 with X's
error body instead. As ../shared/standin.py describes, the phase moves on every ADVANCE_SECONDS
(20) unless the playground chooses it. Listens on 127.0.0.1 at STANDIN_PORT (default 8765).
"""
import json
import os
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "shared"))
import standin  # noqa: E402  (examples/shared/standin.py)

HASHTAG = "#scaleontweet"
PAGE_SIZE = 10
UP = "\N{THUMBS UP SIGN}"
DOWN = "\N{THUMBS DOWN SIGN}"

# Each phase: (thumbs-up posts, thumbs-down posts, posts with neither). None: the API refuses.
PHASES = {
    "quiet": (2, 1, 3),
    "rising": (7, 1, 4),
    "viral": (16, 2, 5),
    "backlash": (3, 6, 2),
    "rate-limited": None,
}


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
    phases = standin.Phases(PHASES, "20")

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
        counts = PHASES[self.phases.current()]
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
        name = standin.requested_phase(self)
        if name is None or not self.phases.choose(name):
            known = ", ".join(PHASES)
            self.problem(400, "Invalid Request", f"PUT /standin/phase with one of: {known}",
                         "about:blank")
            return
        self.reply(200, {"phase": name})


if __name__ == "__main__":
    standin.serve(Handler, "8765", "X API stand-in (GET /2/tweets/search/recent)")

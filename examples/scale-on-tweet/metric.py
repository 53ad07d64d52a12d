"""Metric stage (per-resource): counts recent posts for a hashtag with a thumbs-up and a thumbs-down.

Searches the X API v2 recent-search endpoint (GET /2/tweets/search/recent) for the hashtag in
HASHTAG (default #scaleontweet), following every page, with the bearer token in X_BEARER_TOKEN.
X_API_BASE_URL (default https://api.x.com) points it elsewhere, such as the stand-in server of
this example. Prints {"up": n, "down": m}: posts containing a thumbs-up, and a thumbs-down. It never
talks to Kubernetes. Any API error fails the stage, so the autoscaler changes nothing that run.
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

THUMBS_UP = "\N{THUMBS UP SIGN}"
THUMBS_DOWN = "\N{THUMBS DOWN SIGN}"
MOST_PAGES = 20


def fail(message):
    sys.stderr.write(message + "\n")
    sys.exit(1)


def search_page(base_url, token, query, next_token):
    parameters = {"query": query, "max_results": "100"}
    if next_token:
        parameters["next_token"] = next_token
    url = base_url.rstrip("/") + "/2/tweets/search/recent?" + urllib.parse.urlencode(parameters)
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        try:
            problem = json.loads(body)
            detail = problem.get("detail") or problem.get("title") or body
        except ValueError:
            detail = body
        fail(f"recent search answered {error.code}: {detail}")
    except urllib.error.URLError as error:
        fail(f"cannot reach {base_url}: {error.reason}")


def main():
    json.loads(sys.stdin.read())  # the target; this logic does not need it
    token = os.environ.get("X_BEARER_TOKEN")
    if not token:
        fail("X_BEARER_TOKEN is not set: the recent-search endpoint needs a bearer token")
    base_url = os.environ.get("X_API_BASE_URL", "https://api.x.com")
    hashtag = os.environ.get("HASHTAG", "#scaleontweet")
    up = down = 0
    next_token = None
    for _ in range(MOST_PAGES):
        page = search_page(base_url, token, hashtag, next_token)
        for post in page.get("data", []):
            text = post.get("text", "")
            up += THUMBS_UP in text
            down += THUMBS_DOWN in text
        next_token = page.get("meta", {}).get("next_token")
        if not next_token:
            break
    sys.stdout.write(json.dumps({"up": up, "down": down}))


if __name__ == "__main__":
    main()

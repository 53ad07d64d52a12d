import json
import sys
import urllib.error
import urllib.request


def main():
    pod = json.loads(sys.stdin.read())["resource"]
    address = pod["status"]["podIP"]
    # The Go CPA's example uses the requests package; only the standard library is available here,
    # so urllib makes the same plain GET with no timeout of its own.
    try:
        with urllib.request.urlopen(f"http://{address}:5000/metric") as response:
            body = response.read()
    except urllib.error.HTTPError as err:
        # requests hands back the body whatever the status; so does this.
        body = err.read()
    except Exception as err:
        sys.stderr.write(f"Other error occurred: {err}")
        exit(1)
    sys.stdout.write(body.decode("utf-8"))


if __name__ == "__main__":
    main()

import json
import sys


def main():
    document = json.loads(sys.stdin.read())
    # A managed object without any labels fails here with a KeyError (exit status 1).
    labels = document["resource"]["metadata"]["labels"]
    if "numPods" not in labels:
        sys.stderr.write("the managed resource has no numPods label")
        exit(1)
    # The label's text goes back as it is; the evaluate stage parses it.
    sys.stdout.write(labels["numPods"])


if __name__ == "__main__":
    main()

import json
import sys


def whole_number(text):
    try:
        return int(text)
    except ValueError as err:
        sys.stderr.write(f"the metric is not a whole number: {err}")
        exit(1)


def main():
    spec = json.loads(sys.stdin.read())
    # Unlike its siblings, the getting-started example asks for twice the label's figure.
    replicas = 2 * whole_number(spec["metrics"][0]["value"])
    sys.stdout.write(json.dumps({"targetReplicas": replicas}))


if __name__ == "__main__":
    main()

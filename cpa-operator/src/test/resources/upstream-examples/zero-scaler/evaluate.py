import json
import sys


def main():
    spec = json.loads(sys.stdin.read())
    try:
        # int() accepts surrounding whitespace, so "3\n" from an HTTP metric reads as 3.
        value = int(spec["metrics"][0]["value"])
    except ValueError as err:
        sys.stderr.write(f"the metric is not a whole number: {err}")
        exit(1)
    sys.stdout.write(json.dumps({"targetReplicas": value}))


if __name__ == "__main__":
    main()

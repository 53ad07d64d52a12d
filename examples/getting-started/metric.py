"""Metric stage (per-resource): prints the numPods label of the target.

The autoscaler writes {"resource": <the target>, "runType": ...} to stdin; what this prints on
stdout becomes the metric value handed to evaluate.py.
"""
import json
import sys


def main():
    stage = json.loads(sys.stdin.read())
    labels = stage["resource"]["metadata"].get("labels") or {}
    if "numPods" not in labels:
        sys.stderr.write("the target has no numPods label\n")
        sys.exit(1)
    sys.stdout.write(labels["numPods"])


if __name__ == "__main__":
    main()

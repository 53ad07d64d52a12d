"""Evaluate stage shared by several examples: asks for as many replicas as the metric value says.

The metric value must be a whole number; the autoscaler then applies the bounds (and, where the
configuration has one, the behavior).
"""
import json
import sys


def main():
    stage = json.loads(sys.stdin.read())
    value = stage["metrics"][0]["value"].strip()
    if not value.isdigit():
        sys.stderr.write(f"the metric value is not a whole number: {value!r}\n")
        sys.exit(1)
    sys.stdout.write(json.dumps({"targetReplicas": int(value)}))


if __name__ == "__main__":
    main()

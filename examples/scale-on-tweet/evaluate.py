"""Evaluate stage: as many replicas as thumbs-up posts outnumber thumbs-down ones.

Reads the metric stage's {"up": n, "down": m} and prints {"targetReplicas": n - m}, never below 0;
the autoscaler then keeps the count within minReplicas and maxReplicas.
"""
import json
import sys


def main():
    stage = json.loads(sys.stdin.read())
    counts = json.loads(stage["metrics"][0]["value"])
    replicas = max(0, int(counts["up"]) - int(counts["down"]))
    sys.stdout.write(json.dumps({"targetReplicas": replicas}))


if __name__ == "__main__":
    main()

"""Evaluate stage: one replica per 10 queued items, rounded up.

The metric stage here is the http method: its value is the queue service's answer, verbatim.
"""
import json
import sys

ITEMS_PER_REPLICA = 10


def main():
    stage = json.loads(sys.stdin.read())
    queued = int(stage["metrics"][0]["value"].strip())
    sys.stdout.write(json.dumps({"targetReplicas": -(-queued // ITEMS_PER_REPLICA)}))


if __name__ == "__main__":
    main()

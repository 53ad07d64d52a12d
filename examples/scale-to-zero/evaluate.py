"""Evaluate stage: one replica per 5 waiting items, and none at all when nothing waits.

With minReplicas 0 the autoscaler then scales the target to zero, and back up from zero as soon as
work arrives.
"""
import json
import sys

ITEMS_PER_REPLICA = 5


def main():
    stage = json.loads(sys.stdin.read())
    waiting = int(stage["metrics"][0]["value"])
    replicas = -(-waiting // ITEMS_PER_REPLICA)  # rounded up: 1 item still needs a replica
    sys.stdout.write(json.dumps({"targetReplicas": replicas}))


if __name__ == "__main__":
    main()

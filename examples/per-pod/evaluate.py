"""Evaluate stage: one replica per LOAD_PER_REPLICA queued items, summed over all pods.

The autoscaler writes {"metrics": [{"resource": <pod name>, "value": "{\"load\": N}"}, ...],
"resource": <the Deployment>, "runType": ...} to stdin; metrics is null when there are no pods yet.
"""
import json
import math
import os
import sys

LOAD_PER_REPLICA = int(os.environ.get("LOAD_PER_REPLICA", "10"))


def main():
    stage = json.loads(sys.stdin.read())
    metrics = stage["metrics"]
    if not metrics:
        # No pods to ask yet: keep the replicas the Deployment already wants.
        replicas = stage["resource"]["spec"].get("replicas", 1)
    else:
        total = sum(json.loads(metric["value"])["load"] for metric in metrics)
        replicas = math.ceil(total / LOAD_PER_REPLICA)
    sys.stdout.write(json.dumps({"targetReplicas": replicas}))


if __name__ == "__main__":
    main()

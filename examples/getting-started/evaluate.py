"""Evaluate stage: asks for as many replicas as the metric value says.

The autoscaler writes {"metrics": [{"resource": ..., "value": ...}], "resource": ..., "runType": ...}
to stdin and reads {"targetReplicas": N} from stdout; it then keeps N within minReplicas and
maxReplicas.
"""
import json
import sys


def main():
    stage = json.loads(sys.stdin.read())
    value = stage["metrics"][0]["value"]
    try:
        replicas = int(value)
    except ValueError:
        sys.stderr.write(f"numPods is not a whole number: {value!r}\n")
        sys.exit(1)
    sys.stdout.write(json.dumps({"targetReplicas": replicas}))


if __name__ == "__main__":
    main()

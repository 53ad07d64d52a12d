"""Evaluate: the metric value is the replica count; 'broken' answers without targetReplicas."""
import json
import sys

spec = json.loads(sys.stdin.read())
value = spec["metrics"][0]["value"]
if value == "broken":
    sys.stdout.write(json.dumps({"reason": "no targetReplicas here"}))
else:
    sys.stdout.write(json.dumps({"targetReplicas": int(value)}))

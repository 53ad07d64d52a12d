"""Evaluate: one replica per unit of load summed over the pods."""
import json
import sys

spec = json.loads(sys.stdin.read())
metrics = spec["metrics"] or []
total = sum(json.loads(metric["value"])["load"] for metric in metrics)
sys.stdout.write(json.dumps({"targetReplicas": total}))

"""Per-pod metric: the pod's 'load' annotation."""
import json
import sys

spec = json.loads(sys.stdin.read())
annotations = spec["resource"]["metadata"].get("annotations", {})
sys.stdout.write(json.dumps({"load": int(annotations.get("load", "0"))}))

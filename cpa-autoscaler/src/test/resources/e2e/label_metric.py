"""Per-resource metric: the target's numPods label, as CPA v2's getting-started example reads it."""
import json
import sys

spec = json.loads(sys.stdin.read())
labels = spec["resource"]["metadata"].get("labels", {})
sys.stdout.write(labels.get("numPods", "1"))

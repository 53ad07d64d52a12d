"""Metric stage (per-pod): asks one pod for its queue length.

As a shell command: the autoscaler writes {"resource": <one pod>, "runType": ...} to stdin, once
per pod, and keeps what this prints as that pod's metric value. metric_worker.py serves the same
function as a worker, started once.
"""
import json
import sys
import urllib.request

PORT = 8080


def pod_load(spec):
    """The queue length the document's pod reports, as its metric value."""
    pod = spec["resource"]
    ip = (pod.get("status") or {}).get("podIP")
    name = pod["metadata"]["name"]
    if not ip:
        # A pod that has not started yet holds no work: it counts as empty, and the run goes on.
        sys.stderr.write(f"pod {name} has no IP yet; counted as empty\n")
        return json.dumps({"load": 0})
    with urllib.request.urlopen(f"http://{ip}:{PORT}/metric", timeout=2) as response:
        return response.read().decode("utf-8")


if __name__ == "__main__":
    sys.stdout.write(pod_load(json.loads(sys.stdin.read())))

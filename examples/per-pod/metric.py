"""Metric stage (per-pod): asks one pod for its queue length.

The autoscaler writes {"resource": <one pod>, "runType": ...} to stdin, once per pod, and keeps
what this prints as that pod's metric value.
"""
import json
import sys
import urllib.request

PORT = 8080


def main():
    pod = json.loads(sys.stdin.read())["resource"]
    ip = (pod.get("status") or {}).get("podIP")
    name = pod["metadata"]["name"]
    if not ip:
        # A pod that has not started yet holds no work: it counts as empty, and the run goes on.
        sys.stderr.write(f"pod {name} has no IP yet; counted as empty\n")
        sys.stdout.write(json.dumps({"load": 0}))
        return
    with urllib.request.urlopen(f"http://{ip}:{PORT}/metric", timeout=2) as response:
        sys.stdout.write(response.read().decode("utf-8"))


if __name__ == "__main__":
    main()

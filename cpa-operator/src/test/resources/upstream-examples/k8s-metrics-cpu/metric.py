import json
import sys


def main():
    spec = json.loads(sys.stdin.read())
    # One metric spec (CPU), so one entry; each pod's sample "Value" is its usage in millicores.
    cpu = spec["kubernetesMetrics"][0]
    replicas = cpu["current_replicas"]
    used = sum(sample["Value"] for sample in cpu["resource"]["pod_metrics_info"].values())
    sys.stdout.write(json.dumps({
        "current_replicas": replicas,
        "average_utilization": used / replicas,
    }))


if __name__ == "__main__":
    main()

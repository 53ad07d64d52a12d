# Metric logic written for the Go Custom Pod Autoscaler v2: it reads the CPU metric the base
# program gathered and prints the average utilization of the ready pods, in percent.
import json
import sys

spec = json.loads(sys.stdin.read())
cpu = spec["kubernetesMetrics"][0]
resource = cpu["resource"]
usage = sum(sample["Value"] for sample in resource["pod_metrics_info"].values())
requested = sum(resource["requests"][pod] for pod in resource["pod_metrics_info"])
print(json.dumps({
    "utilization": usage * 100 // requested,
    "ready": resource["ready_pod_count"],
    "ignored": sorted(resource["ignored_pods"]),
    "missing": sorted(resource["missing_pods"]),
    "replicas": cpu["current_replicas"],
    "target": cpu["spec"]["resource"]["target"]["averageUtilization"],
}, sort_keys=True))

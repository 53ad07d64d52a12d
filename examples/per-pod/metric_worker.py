"""Metric stage (per-pod) as a worker: the autoscaler starts this once and writes one pod's
document per line; each answer line is that pod's metric value, from the same function the shell
form (metric.py) runs.
"""
import cpa_worker
from metric import pod_load

cpa_worker.serve(pod_load)

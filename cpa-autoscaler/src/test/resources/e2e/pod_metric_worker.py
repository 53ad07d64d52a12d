"""Per-pod metric as a worker: the pod's 'load' annotation, and this worker's process id."""
import json
import os

import cpa_worker


def metric(spec):
    annotations = spec["resource"]["metadata"].get("annotations", {})
    return json.dumps({"load": int(annotations.get("load", "0")), "worker": os.getpid()})


cpa_worker.serve(metric)

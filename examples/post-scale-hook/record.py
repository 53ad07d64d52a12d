"""postScale hook: records what each run did, one JSON line per run, in scaling-history.jsonl.

The autoscaler runs it after the replicas were set (or kept), with the scale document on stdin:
the evaluation it applied, the raw evaluation, the replicas before, the bounds and the run type.
The file is in the working directory, or where SCALING_HISTORY says. A real hook might post to a
chat channel or an audit log instead.
"""
import datetime
import json
import os
import sys


def record(document, now):
    applied = document["evaluation"]["targetReplicas"]
    before = document["currentReplicas"]
    change = "scaled up" if applied > before else "scaled down" if applied < before else "kept"
    return {
        "time": now.isoformat(timespec="seconds"),
        "target": f'{document["scaleTargetRef"]["kind"]}/{document["namespace"]}/'
                  f'{document["scaleTargetRef"]["name"]}',
        "change": change,
        "from": before,
        "to": applied,
        "evaluated": document["targetReplicas"],
        "bounds": [document["minReplicas"], document["maxReplicas"]],
        "runType": document["runType"],
    }


def main():
    line = record(json.loads(sys.stdin.read()), datetime.datetime.now(datetime.timezone.utc))
    path = os.environ.get("SCALING_HISTORY", "scaling-history.jsonl")
    with open(path, "a", encoding="utf-8") as history:
        history.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    main()

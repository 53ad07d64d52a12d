import json
import sys

TARGET = 50


def main():
    metrics = json.loads(sys.stdin.read())["metrics"]
    if len(metrics) != 1:
        sys.stderr.write("expected exactly one metric")
        exit(1)
    figures = json.loads(metrics[0]["value"])
    # One step at a time: up while the average is above the target, down otherwise.
    step = 1 if figures["average_utilization"] > TARGET else -1
    sys.stdout.write(json.dumps({"targetReplicas": figures["current_replicas"] + step}))


if __name__ == "__main__":
    main()

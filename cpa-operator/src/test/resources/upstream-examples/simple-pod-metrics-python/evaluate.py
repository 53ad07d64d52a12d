import json
import sys


def main():
    spec = json.loads(sys.stdin.read())
    # Each pod's metric is the app's JSON; "available" is how much room that pod has left.
    # With no pods "metrics" is null and the loop fails (exit status 1), as upstream's does.
    room = 0
    for metric in spec["metrics"]:
        room += int(json.loads(metric["value"])["available"])
    replicas = int(spec["resource"]["spec"]["replicas"])
    if room > 5:
        replicas -= 1
    if room <= 0:
        replicas += 1
    sys.stdout.write(json.dumps({"targetReplicas": replicas}))


if __name__ == "__main__":
    main()

"""Evaluate stage: one replica per 20 sessions, rounded up."""
import json
import sys

SESSIONS_PER_REPLICA = 20


def main():
    stage = json.loads(sys.stdin.read())
    sessions = int(stage["metrics"][0]["value"])
    sys.stdout.write(json.dumps({"targetReplicas": -(-sessions // SESSIONS_PER_REPLICA)}))


if __name__ == "__main__":
    main()

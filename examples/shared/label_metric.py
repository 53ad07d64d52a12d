"""Metric stage (per-resource) shared by several examples: prints one label of the target.

Usage: python3 label_metric.py LABEL. The label stands in for a real figure (a queue length, the
users online, demand) so that an example runs anywhere; a real metric stage would ask the system
that knows. It must hold a whole number, which is printed for the evaluate stage.
"""
import json
import sys


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: label_metric.py LABEL\n")
        sys.exit(2)
    label = sys.argv[1]
    stage = json.loads(sys.stdin.read())
    labels = stage["resource"]["metadata"].get("labels") or {}
    value = labels.get(label, "")
    if not value.isdigit():
        sys.stderr.write(f"the target's {label} label is not a whole number: {value!r}\n")
        sys.exit(1)
    sys.stdout.write(value)


if __name__ == "__main__":
    main()

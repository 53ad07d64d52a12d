#!/usr/bin/env bash
# The HPA and the Predictive HPA, each as a CPA (config.yaml, and config.yaml with the HPA's evaluate
# stage), in `simulate --load` over a week of seasonal load at 15 s (seasonal_load.py), with pods of
# one core that take 60 s to start; the costs are counted from the third day on, once the model has
# its two days. Prints each one's summary and how they compare. Options go to seasonal_load.py:
#   examples/predictive/compare.sh                     the week of docs/benchmarks.md, section 13
#   examples/predictive/compare.sh --jitter 600        the batches up to 10 minutes early or late
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f cpa-autoscaler/target/cpa-autoscaler.jar ] || [ ! -f cpa-hpa/target/cpa-hpa.jar ]; then
  mvn -B -ntp -q package -DskipTests -pl cpa-autoscaler,cpa-hpa -am
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 examples/predictive/seasonal_load.py --days 7 "$@" > "$work/load.jsonl"
logic=cpa-hpa/target/cpa-hpa.jar

simulate() {
  java -jar cpa-autoscaler/target/cpa-autoscaler.jar simulate \
    --config examples/predictive/config.yaml --load "$work/load.jsonl" \
    --pod-cpu 1000 --pod-startup 60 --count-from 172800 \
    --config-entry "metric={\"java\": {\"classpath\": [\"$logic\"]}}" \
    --config-entry models=@examples/predictive/models.yaml "$@" | tail -1
}

hpa=$(simulate --config-entry \
  "evaluate={\"java\": {\"classpath\": [\"$logic\"], \"className\": \"com.custompodautoscaler.hpa.HpaLogic\"}}")
predictive=$(simulate --config-entry "evaluate={\"java\": {\"classpath\": [\"$logic\"]}}")

python3 - "$hpa" "$predictive" <<'PY'
import json
import sys

hpa, predictive = (json.loads(line)["summary"] for line in sys.argv[1:3])
print("HPA as a CPA:        " + json.dumps(hpa))
print("Predictive HPA:      " + json.dumps(predictive))
under, pods = hpa["underProvisionedPodSeconds"], hpa["podSeconds"]
fewer = "n/a (the HPA was never under-provisioned)" if under == 0 else \
    f"{100 * (1 - predictive['underProvisionedPodSeconds'] / under):.1f}%"
print(f"under-provisioned pod-seconds: {fewer} fewer (goal: at least 50%)")
print(f"pod-seconds: {100 * (predictive['podSeconds'] / pods - 1):+.1f}% (goal: at most +20%)")
PY

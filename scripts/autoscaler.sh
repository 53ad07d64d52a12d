#!/usr/bin/env bash
# Runs the autoscaler from this checkout against the cluster in your kubeconfig: builds
# cpa-autoscaler/target/cpa-autoscaler.jar when it is missing, then runs it in the current folder
# (relative commands in the config resolve there). Example, from examples/getting-started:
#   ../../scripts/autoscaler.sh --config config.yaml
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/cpa-autoscaler/target/cpa-autoscaler.jar"
if [ ! -f "$jar" ]; then
  echo "[autoscaler] building $jar" >&2
  (cd "$root" && mvn -B -ntp -q package -DskipTests -pl cpa-autoscaler -am)
fi
exec java -jar "$jar" "$@"

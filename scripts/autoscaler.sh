#!/usr/bin/env bash
# Runs the autoscaler from this checkout: builds cpa-autoscaler/target/cpa-autoscaler.jar when it
# is missing, then runs it with the given arguments from the repository root.
# Example: scripts/autoscaler.sh --config examples/getting-started/config.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
jar=cpa-autoscaler/target/cpa-autoscaler.jar
if [ ! -f "$jar" ]; then
  echo "[autoscaler] building $jar" >&2
  mvn -B -ntp -q package -DskipTests -pl cpa-autoscaler -am
fi
exec java -jar "$jar" "$@"

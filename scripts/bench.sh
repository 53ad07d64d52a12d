#!/usr/bin/env bash
# The benchmarks (docs/benchmarks.md says what each measures and how). Builds the jars, starts a
# local control plane, runs the named benchmarks or all of them, and prints the results:
#   scripts/bench.sh                       all of them
#   scripts/bench.sh shell-overhead        one: run-overhead, shell-overhead, worker-overhead,
#                                          per-pod, per-pod-worker, hpa-method, startup-memory,
#                                          operator-memory, host-scale, host-failover, prediction
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-python3.sh
scripts/ensure-statsmodels.sh
scripts/ensure-kube-binaries.sh >/dev/null
mvn -B -ntp -q package -DskipTests -pl bench,cpa-operator,cpa-hpa,cpa-host,cpa-predict -am
exec java -jar bench/target/cpa-bench.jar "$@"

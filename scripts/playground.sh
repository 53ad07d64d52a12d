#!/usr/bin/env bash
# The playground: an autoscaler at work on a local Kubernetes control plane, no cluster needed.
# Provisions what it needs on a fresh machine (python3, and kube-apiserver, etcd and kubectl built
# from Debian's packages: about 10 minutes, as root, the first time only), builds the playground
# jar when it is missing, then runs it. Arguments go to the playground:
#   scripts/playground.sh                        the getting-started example
#   scripts/playground.sh --example per-pod      a named example (--list shows them)
#   scripts/playground.sh --config my.yaml       your own config against a sample Deployment
#   scripts/playground.sh --real-node            getting-started on a real single-node Kubernetes
#                                                with real pods (as root; about 20 minutes the
#                                                first time, to provision it and build the images)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-python3.sh
if ! binaries="$(scripts/ensure-kube-binaries.sh)"; then
  echo "[playground] could not provision the Kubernetes binaries; see the messages above" >&2
  exit 1
fi
jar=cpa-playground/target/cpa-playground.jar
if [[ " $* " == *" --real-node "* ]]; then
  # The real node runs the images, which hold the autoscaler's, the HPA's, the operator's and the
  # host's jars.
  echo "[playground] building the jars the images hold" >&2
  mvn -B -ntp -q package -DskipTests -pl cpa-playground,cpa-operator,cpa-host -am
elif [ ! -f "$jar" ]; then
  echo "[playground] building $jar (a first build downloads its dependencies)" >&2
  mvn -B -ntp -q package -DskipTests -pl cpa-playground -am
fi
exec java -jar "$jar" "$@"

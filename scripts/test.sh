#!/usr/bin/env bash
# The test command: everything a fresh machine needs, then every test (unit, real kube-apiserver,
# end to end). Extra arguments go to Maven, for example: scripts/test.sh -Dit.test=EndToEndIT
set -euo pipefail
cd "$(dirname "$0")/.."

# The end-to-end tests and the examples run Python user logic.
scripts/ensure-python3.sh

# A real kube-apiserver, etcd and kubectl for the tests; instant once provisioned.
if ! binaries="$(scripts/ensure-kube-binaries.sh)"; then
  echo "[test] could not provision the kube-apiserver binaries; see the messages above" >&2
  exit 1
fi
echo "[test] Kubernetes binaries in $binaries" >&2

exec mvn -B -ntp verify "$@"

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
echo "[test] Kubernetes binaries in $binaries (${SECONDS} s)" >&2

# A real single-node Kubernetes for the end-to-end tests (cpa-e2e): containerd, kubelet and the
# rest from Debian's packages and source, and the base of the project's images; compiled here,
# before Maven starts, never beside it. The tests start the node and take it down; so does this
# script when it ends, should a test run be killed.
if ! node_home="$(scripts/real-node/provision.sh)"; then
  echo "[test] could not provision the real node; see the messages above" >&2
  exit 1
fi
echo "[test] real node provisioned in $node_home (${SECONDS} s)" >&2
trap 'scripts/real-node/node.sh down >/dev/null 2>&1 || true' EXIT

mvn -B -ntp verify -Dcpa.realNode=required "$@"
echo "[test] all tests passed (${SECONDS} s)" >&2

#!/usr/bin/env bash
# The test command: everything a fresh machine needs, then every test (unit, real kube-apiserver,
# end to end). Extra arguments go to Maven, for example: scripts/test.sh -Dit.test=EndToEndIT
set -euo pipefail
cd "$(dirname "$0")/.."

# The end-to-end tests run Python user logic; Debian provides python3 when a machine lacks it.
if ! command -v python3 >/dev/null 2>&1; then
  echo "[test] installing python3 from Debian" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null
fi

# A real kube-apiserver, etcd and kubectl for the tests; instant once provisioned.
if ! binaries="$(scripts/ensure-kube-binaries.sh)"; then
  echo "[test] could not provision the kube-apiserver binaries; see the messages above" >&2
  exit 1
fi
echo "[test] Kubernetes binaries in $binaries" >&2

exec mvn -B -ntp verify "$@"

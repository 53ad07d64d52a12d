#!/usr/bin/env bash
# The examples' user logic is Python (standard library only); Debian provides python3 when a
# machine lacks it. Needs root only when it has to install.
set -euo pipefail
if ! command -v python3 >/dev/null 2>&1; then
  echo "[ensure-python3] installing python3 from Debian" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null
fi

#!/usr/bin/env bash
# The prediction benchmark compares the models with the Predictive HPA's way, which runs statsmodels
# in a Python process; Debian packages it as python3-statsmodels (0.13 on bookworm). Quick when
# Debian's python3 imports it already; needs root only to install. The tests do not need it: their
# reference values are files (cpa-predict/src/test/resources/reference).
set -euo pipefail
if /usr/bin/python3 -c 'import statsmodels' >/dev/null 2>&1; then
  exit 0
fi
echo "[ensure-statsmodels] installing python3-statsmodels from Debian" >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-statsmodels >/dev/null

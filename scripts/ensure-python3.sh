#!/usr/bin/env bash
# The examples' user logic is Python (standard library only); Debian provides python3 when a
# machine lacks it. Configs written for the Go CPA say `entrypoint: python`, as its images (based on
# python:3) provide that name; Debian names Python 3 `python` only with python-is-python3, so that
# is installed too, or, on releases without the package (before bullseye), `python` is linked to
# python3 in PYTHON_LINK_DIR (/usr/local/bin). Quick when both exist; needs root only to install.
set -euo pipefail
packages=()
command -v python3 >/dev/null 2>&1 || packages+=(python3)
command -v python >/dev/null 2>&1 || packages+=(python-is-python3)
if ((${#packages[@]} == 0)); then
  exit 0
fi
echo "[ensure-python3] installing ${packages[*]} from Debian" >&2
apt-get update -qq >/dev/null
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null; then
  echo "[ensure-python3] python-is-python3 is not available; linking python to python3" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null
fi
link_dir="${PYTHON_LINK_DIR:-/usr/local/bin}"
if ! command -v python >/dev/null 2>&1; then
  mkdir -p "$link_dir"
  ln -sf "$(command -v python3)" "$link_dir/python"
fi
command -v python >/dev/null 2>&1 || {
  echo "[ensure-python3] python is still missing; put $link_dir on PATH" >&2
  exit 1
}

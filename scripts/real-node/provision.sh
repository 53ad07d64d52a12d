#!/usr/bin/env bash
# Provisions what the real node (scripts/real-node/node.sh) and the image builds need, from Debian's
# archive only, once; instant afterwards:
#   - containerd, runc, the CNI plugins, buildah, mmdebstrap, socat and iptables from Debian;
#   - kubelet, kube-scheduler, kube-proxy and kubectl compiled from the Debian source tree that
#     scripts/ensure-kube-binaries.sh builds the API server from (a few minutes with its cache);
#   - the pause image, compiled from that tree's build/pause/linux/pause.c;
#   - the base of the project's images: Debian bookworm made with mmdebstrap, with the JRE 17 and
#     Python 3 the Dockerfiles install (they install them again, which then changes nothing), as
#     buildah image localhost/cpa-debian-base:bookworm.
# Needs root. Progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/../.."

readonly HOME_DIR="${CPA_NODE_HOME:-/var/tmp/cpa-real-node}"
readonly BASE_IMAGE=localhost/cpa-debian-base:bookworm
readonly PACKAGES=(containerd runc containernetworking-plugins buildah mmdebstrap socat iptables
  conntrack ethtool curl openssl libc6-dev gcc)

say() { printf '[real-node provision] %s %s\n' "$(date +%T)" "$*" >&2; }

packages() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then return; fi
  say "installing ${missing[*]} from Debian"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The sandbox every pod starts with, built like the upstream one from its C source, statically.
pause_image() {
  local archive="$HOME_DIR/images/pause.tar"
  if [ -f "$archive" ]; then return; fi
  local tree
  tree="$(scripts/ensure-kube-binaries.sh --source)"
  say "building the pause image from $tree/build/pause/linux/pause.c"
  local work
  work="$(mktemp -d)"
  gcc -Os -static -DVERSION=v3.2-cpa -o "$work/pause" "$tree/build/pause/linux/pause.c"
  strip "$work/pause"
  local container
  container="$(buildah --storage-driver vfs from scratch)"
  buildah --storage-driver vfs copy "$container" "$work/pause" /pause >/dev/null
  buildah --storage-driver vfs config --entrypoint '["/pause"]' "$container"
  buildah --storage-driver vfs commit -q "$container" localhost/pause:3.2 >/dev/null
  buildah --storage-driver vfs rm "$container" >/dev/null
  mkdir -p "$HOME_DIR/images"
  buildah --storage-driver vfs push -q localhost/pause:3.2 "oci-archive:$archive:localhost/pause:3.2"
  rm -rf "$work"
}

base_image() {
  if buildah --storage-driver vfs inspect --type image "$BASE_IMAGE" >/dev/null 2>&1; then return; fi
  say "making Debian bookworm with the JRE 17 and Python 3 (mmdebstrap, about 2 minutes)"
  local work
  work="$(mktemp -d /var/tmp/cpa-base.XXXX)"
  # The JRE's postinst needs the man folder that the exclusions below would leave out.
  unshare -m --propagation private nice -n 10 mmdebstrap --mode=root --variant=apt \
    --include=openjdk-17-jre-headless,python3,ca-certificates \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
    --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/*' \
    bookworm "$work/rootfs.tar" http://deb.debian.org/debian >"$work/mmdebstrap.log" 2>&1 ||
    { tail -n 30 "$work/mmdebstrap.log" >&2; say "mmdebstrap failed"; exit 1; }
  local container
  container="$(buildah --storage-driver vfs from scratch)"
  buildah --storage-driver vfs add "$container" "$work/rootfs.tar" / >/dev/null
  buildah --storage-driver vfs config \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --cmd /bin/bash "$container"
  buildah --storage-driver vfs commit -q "$container" "$BASE_IMAGE" >/dev/null
  buildah --storage-driver vfs rm "$container" >/dev/null
  rm -rf "$work"
}

main() {
  if [ "$(id -u)" -ne 0 ]; then say "needs root"; exit 1; fi
  packages
  scripts/ensure-kube-binaries.sh --node >/dev/null
  pause_image
  base_image
  echo "$HOME_DIR"
}

main "$@"

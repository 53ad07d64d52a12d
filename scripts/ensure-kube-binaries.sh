#!/usr/bin/env bash
# Provisions the control-plane binaries the tests and the playground run (kube-apiserver, etcd,
# kubectl, and kube-controller-manager for the comparison with the real HPA controller) on a machine
# that cannot download them, into the folder fabric8's kube-api-test reads:
#   ${KUBEAPITEST_DIR:-~/.kubeapitest}/k8s/1.20.2-linux-amd64/
# Sources are Debian bookworm's archive only: etcd and kubectl come from binary packages;
# kube-apiserver and kube-controller-manager are compiled from Debian's 'kubernetes' source package
# (1.20.2, dependencies vendored) with Debian's Go 1.19. First run: 12-18 minutes on 2 cores (the
# controller manager about 3 of them, sharing the apiserver's build cache). Later runs return at once.
# Needs root for apt-get. Prints the folder on success; progress goes to stderr.
#   --node   also kubelet, kube-scheduler, kube-proxy and a kubectl built from the same tree, for the
#            real node of scripts/real-node (about 3 more minutes once the apiserver's build is cached)
#   --source only the source tree (downloaded again if its folder was cleaned away); prints its path
set -euo pipefail

readonly K8S_VERSION=1.20.2
readonly TARGET_DIR="${KUBEAPITEST_DIR:-$HOME/.kubeapitest}/k8s/${K8S_VERSION}-linux-amd64"
readonly BUILD_DIR="${KUBE_BINARIES_BUILD_DIR:-/var/tmp/cpa-kube-binaries}"
readonly GO_BIN=/usr/lib/go-1.19/bin

say() { printf '[ensure-kube-binaries] %s\n' "$*" >&2; }

COMPILED=(kube-apiserver kube-controller-manager)
# Debian's kubectl 1.20 panics in `kubectl config set-credentials`; the tree's works, so the node
# takes that one, as kubectl-tree.
readonly NODE_COMPILED=(kubelet kube-scheduler kube-proxy kubectl)
if [ "${1:-}" = --node ]; then COMPILED+=("${NODE_COMPILED[@]}"); fi
readonly COMPILED

# Where a compiled binary goes: the tree's kubectl beside Debian's, as kubectl-tree.
installed_name() {
  if [ "$1" = kubectl ]; then echo kubectl-tree; else echo "$1"; fi
}

have_all() {
  [ -x "$TARGET_DIR/etcd" ] && [ -x "$TARGET_DIR/kubectl" ] || return 1
  local binary
  for binary in "${COMPILED[@]}"; do [ -x "$TARGET_DIR/$(installed_name "$binary")" ] || return 1; done
}

enable_source_packages() {
  local list=/etc/apt/sources.list.d/cpa-bookworm-src.sources
  if grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ || grep -qs '^deb-src' /etc/apt/sources.list; then
    return
  fi
  printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm' \
    'Components: main' 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' >"$list"
}

install_etcd_and_kubectl() {
  say "downloading etcd-server and kubernetes-client from Debian"
  local debs="$BUILD_DIR/debs"
  rm -rf "$debs" && mkdir -p "$debs/root"
  (cd "$debs" && apt-get download -qq -o APT::Sandbox::User=root etcd-server kubernetes-client >/dev/null)
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$debs/root"; done
  install -m 0755 "$debs/root/usr/bin/etcd" "$TARGET_DIR/etcd"
  install -m 0755 "$debs/root/usr/bin/kubectl" "$TARGET_DIR/kubectl"
}

fetch_kubernetes_source() {
  local src="$BUILD_DIR/kubernetes"
  if [ -d "$src" ]; then return; fi
  say "downloading Debian's kubernetes source package"
  rm -rf "$BUILD_DIR/source-download" && mkdir -p "$BUILD_DIR/source-download"
  (cd "$BUILD_DIR/source-download" && apt-get source --download-only -qq -o APT::Sandbox::User=root kubernetes >/dev/null)
  mkdir -p "$src.partial"
  tar -xzf "$BUILD_DIR"/source-download/kubernetes_*.orig.tar.gz -C "$src.partial" --strip-components=1
  mv "$src.partial" "$src"
}

# Kubernetes 1.20 vendors modern-go/reflect2 1.0.1, which makes a Go >= 1.18 build of the apiserver
# crash with SIGSEGV while encoding maps; Debian ships 1.0.2, a drop-in fix.
replace_vendored_reflect2() {
  local vendored="$BUILD_DIR/kubernetes/vendor/github.com/modern-go/reflect2"
  local debian=/usr/share/gocode/src/github.com/modern-go/reflect2
  if [ -f "$vendored/go_above_118.go" ]; then return; fi
  find "$vendored" -maxdepth 1 \( -name '*.go' -o -name '*.s' \) -delete
  find "$debian" -maxdepth 1 \( -name '*.go' -o -name '*.s' \) ! -name '*_test.go' -exec cp {} "$vendored"/ \;
}

# Compiles cmd/$1 from the source package into the target folder.
build_kubernetes_binary() {
  local binary="$1"
  say "installing Go 1.19, rsync and reflect2 from Debian"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-1.19-go rsync \
    golang-github-modern-go-reflect2-dev >/dev/null
  fetch_kubernetes_source
  replace_vendored_reflect2
  say "compiling $binary (several minutes on a first run; log: $BUILD_DIR/build.log)"
  local src="$BUILD_DIR/kubernetes"
  mkdir -p "$src/.gopath/src/k8s.io"
  ln -sfn "$src" "$src/.gopath/src/k8s.io/kubernetes"
  if ! (cd "$src" && env GOPATH="$src/.gopath" PATH="$GO_BIN:$PATH" CGO_ENABLED=0 GOPROXY=off GOFLAGS= \
      GOCACHE="$BUILD_DIR/gocache" make WHAT="cmd/$binary" >"$BUILD_DIR/build.log" 2>&1); then
    tail -n 40 "$BUILD_DIR/build.log" >&2
    say "$binary build failed"
    exit 1
  fi
  install -m 0755 "$src/_output/bin/$binary" "$TARGET_DIR/$(installed_name "$binary")"
}

# The source tree alone, for what is built from it besides the binaries (the pause image).
source_tree() {
  if [ ! -d "$BUILD_DIR/kubernetes" ]; then
    if [ "$(id -u)" -ne 0 ]; then say "needs root to download Debian's kubernetes source"; exit 1; fi
    mkdir -p "$BUILD_DIR"
    enable_source_packages
    say "apt-get update"
    apt-get update -qq >/dev/null
    fetch_kubernetes_source
  fi
  echo "$BUILD_DIR/kubernetes"
}

main() {
  if [ "${1:-}" = --source ]; then source_tree; exit 0; fi
  if have_all; then echo "$TARGET_DIR"; exit 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    say "needs root to install Debian packages; run it as root or put the binaries in $TARGET_DIR"
    exit 1
  fi
  say "provisioning what is missing of ${COMPILED[*]}, etcd and kubectl ${K8S_VERSION} into $TARGET_DIR (up to 18 minutes, once)"
  mkdir -p "$TARGET_DIR" "$BUILD_DIR"
  enable_source_packages
  say "apt-get update"
  apt-get update -qq >/dev/null
  if [ ! -x "$TARGET_DIR/etcd" ] || [ ! -x "$TARGET_DIR/kubectl" ]; then install_etcd_and_kubectl; fi
  local binary
  for binary in "${COMPILED[@]}"; do
    if [ ! -x "$TARGET_DIR/$(installed_name "$binary")" ]; then build_kubernetes_binary "$binary"; fi
  done
  echo "$TARGET_DIR"
}

main "$@"

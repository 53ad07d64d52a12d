#!/usr/bin/env bash
# A real single-node Kubernetes 1.20.2 on this machine, for the end-to-end tests and the playground:
# etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubelet and kube-proxy, with
# containerd and runc, in a network namespace of its own (node 10.201.0.2, pods 10.245.0.0/24,
# Services 10.97.0.0/24) that has no route out, and a private mount namespace for what kubelet and
# containerd mount. From the machine's own namespace only loopback is used: the API server is
# reached at https://127.0.0.1:16443 through a socat bridge into the node's namespace.
#   node.sh up            start it (after scripts/real-node/provision.sh); prints the kubeconfig
#   node.sh load TAR...   import OCI archives of images into the node's containerd
#   node.sh down          stop it and remove every process, mount, namespace and cgroup it made
#   node.sh run CMD...    run a command inside the node's namespaces
# The state lives in CPA_NODE_HOME (/var/tmp/cpa-real-node); images imported stay there between runs.
set -euo pipefail

readonly HOME_DIR="${CPA_NODE_HOME:-/var/tmp/cpa-real-node}"
readonly BIN="${KUBEAPITEST_DIR:-$HOME/.kubeapitest}/k8s/1.20.2-linux-amd64"
readonly NETNS=cpa-node
readonly NODE_NAME=cpa-node
readonly NODE_IP=10.201.0.2
readonly POD_CIDR=10.245.0.0/24
readonly SERVICE_CIDR=10.97.0.0/24
readonly API_SERVICE_IP=10.97.0.1
readonly BRIDGE_PORT="${CPA_NODE_API_PORT:-16443}"
readonly PKI="$HOME_DIR/pki"
readonly ETC="$HOME_DIR/etc"
readonly LOGS="$HOME_DIR/logs"
readonly PIDS="$HOME_DIR/pids"
readonly MOUNT_NS="$HOME_DIR/ns/mnt"
readonly SOCKET="$HOME_DIR/containerd.sock"
readonly HOST_KUBECONFIG="$HOME_DIR/kubeconfig"

say() { printf '[real-node] %s %s\n' "$(date +%T)" "$*" >&2; }

# Runs a command in the node's network and mount namespaces.
in_node() { nsenter --mount="$MOUNT_NS" --net="/run/netns/$NETNS" -- "$@"; }

# Polls "$@" every half second for up to $1 seconds.
wait_for() {
  local seconds="$1"
  shift
  local until=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= until)); then return 1; fi
    sleep 0.5
  done
}

# --- namespaces -----------------------------------------------------------------------------------

network_up() {
  ip netns add "$NETNS"
  ip -n "$NETNS" link set lo up
  # Both ends of the pair stay inside: the node has an address and nothing connects it to the
  # machine. No default route, so a connection to anywhere else fails at once.
  ip -n "$NETNS" link add node0 type veth peer name node0-peer
  ip -n "$NETNS" addr add "$NODE_IP/24" dev node0
  ip -n "$NETNS" link set node0 up
  ip -n "$NETNS" link set node0-peer up
  # Services' addresses need a route for the node's own processes (the API server calling a
  # webhook's Service) to reach kube-proxy's rules, which then send them to a pod.
  ip -n "$NETNS" route add "$SERVICE_CIDR" dev node0
  ip netns exec "$NETNS" sysctl -qw net.ipv4.ip_forward=1
}

# A private mount namespace, kept open by a bind mount, for the directories kubelet and containerd
# insist on (/run/containerd, /var/log/pods) and a resolv.conf whose nameserver nobody serves.
mounts_up() {
  mkdir -p "$HOME_DIR/ns" "$HOME_DIR/varlog/pods" "$HOME_DIR/varlog/containers"
  mount --bind "$HOME_DIR/ns" "$HOME_DIR/ns"
  mount --make-private "$HOME_DIR/ns"
  touch "$MOUNT_NS"
  unshare --mount="$MOUNT_NS" --propagation private true
  mkdir -p /run/containerd /var/log/pods /var/log/containers
  echo "nameserver 127.0.0.1" >"$ETC/resolv.conf"
  nsenter --mount="$MOUNT_NS" -- sh -c "
    mount -t tmpfs tmpfs /run/containerd &&
    mount --bind '$HOME_DIR/varlog/pods' /var/log/pods &&
    mount --bind '$HOME_DIR/varlog/containers' /var/log/containers &&
    mount --bind '$ETC/resolv.conf' /etc/resolv.conf"
}

# --- certificates and configuration ---------------------------------------------------------------

# Signs a certificate for $2 (CN) in group $3 with the node's CA; $4, if any, are its alt names.
certificate() {
  local name="$1" cn="$2" group="$3" names="${4:-}"
  openssl req -newkey rsa:2048 -nodes -keyout "$PKI/$name.key" -out "$PKI/$name.csr" \
    -subj "/CN=$cn${group:+/O=$group}" 2>/dev/null
  {
    echo "basicConstraints=CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    if [ -n "$names" ]; then
      echo "extendedKeyUsage=serverAuth,clientAuth"
      echo "subjectAltName=$names"
    else
      echo "extendedKeyUsage=clientAuth"
    fi
  } >"$PKI/$name.ext"
  openssl x509 -req -in "$PKI/$name.csr" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAcreateserial \
    -out "$PKI/$name.crt" -days 3650 -extfile "$PKI/$name.ext" 2>/dev/null
  rm -f "$PKI/$name.csr" "$PKI/$name.ext"
}

# A kubeconfig for the client certificate $2 against $3; written out, as Debian's kubectl 1.20
# cannot write credentials.
kubeconfig() {
  local file="$1" client="$2" server="$3"
  cat >"$file" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: cpa-node
  cluster:
    server: $server
    certificate-authority-data: $(base64 -w0 "$PKI/ca.crt")
users:
- name: $client
  user:
    client-certificate-data: $(base64 -w0 "$PKI/$client.crt")
    client-key-data: $(base64 -w0 "$PKI/$client.key")
contexts:
- name: cpa-node
  context: {cluster: cpa-node, user: $client}
current-context: cpa-node
EOF
}

pki() {
  if [ -f "$PKI/admin.crt" ]; then return; fi
  mkdir -p "$PKI"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$PKI/ca.key" -out "$PKI/ca.crt" -days 3650 \
    -subj "/CN=cpa-real-node-ca" 2>/dev/null
  openssl genrsa -out "$PKI/service-accounts.key" 2048 2>/dev/null
  openssl rsa -in "$PKI/service-accounts.key" -pubout -out "$PKI/service-accounts.pub" 2>/dev/null
  certificate apiserver kube-apiserver "" "DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,DNS:localhost,IP:$API_SERVICE_IP,IP:$NODE_IP,IP:127.0.0.1"
  certificate apiserver-kubelet-client kube-apiserver-kubelet-client system:masters
  certificate admin cpa-real-node-admin system:masters
  certificate controller-manager system:kube-controller-manager ""
  certificate scheduler system:kube-scheduler ""
  certificate kube-proxy system:kube-proxy ""
  certificate kubelet "system:node:$NODE_NAME" system:nodes
  certificate kubelet-serving "$NODE_NAME" "" "DNS:$NODE_NAME,IP:$NODE_IP"
}

configure() {
  mkdir -p "$ETC" "$LOGS" "$PIDS"
  local inside="https://$NODE_IP:6443" client
  for client in admin controller-manager scheduler kube-proxy kubelet; do
    kubeconfig "$ETC/$client.kubeconfig" "$client" "$inside"
  done
  kubeconfig "$HOST_KUBECONFIG" admin "https://127.0.0.1:$BRIDGE_PORT"
  cat >"$ETC/containerd.toml" <<EOF
version = 2
root = "$HOME_DIR/containerd/root"
state = "$HOME_DIR/containerd/state"
[grpc]
  address = "$SOCKET"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "localhost/pause:3.2"
  netns_mounts_under_state_dir = true
  # runc may not lower oom_score_adj on these machines: keep the scores containers ask for at 0 up.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$HOME_DIR/cni"
EOF
  mkdir -p "$HOME_DIR/cni"
  cat >"$HOME_DIR/cni/10-cpa-node.conflist" <<EOF
{
  "cniVersion": "0.4.0",
  "name": "cpa-node",
  "plugins": [
    {
      "type": "bridge", "bridge": "cni0", "isGateway": true, "ipMasq": false, "hairpinMode": true,
      "ipam": {"type": "host-local", "dataDir": "$HOME_DIR/cni-ipam",
               "ranges": [[{"subnet": "$POD_CIDR"}]], "routes": [{"dst": "0.0.0.0/0"}]}
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
EOF
  cat >"$ETC/kubelet.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $PKI/ca.crt}
authorization: {mode: Webhook}
tlsCertFile: $PKI/kubelet-serving.crt
tlsPrivateKeyFile: $PKI/kubelet-serving.key
cgroupDriver: cgroupfs
failSwapOn: false
clusterDomain: cluster.local
resolvConf: $ETC/resolv.conf
volumePluginDir: $HOME_DIR/kubelet/volume-plugins
# Images are imported, never pulled: keep them however full the disk is.
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: "100Mi", nodefs.available: "2%", imagefs.available: "2%"}
syncFrequency: 10s
fileCheckFrequency: 10s
nodeStatusUpdateFrequency: 4s
EOF
  cat >"$ETC/kube-proxy.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection: {kubeconfig: $ETC/kube-proxy.kubeconfig}
hostnameOverride: $NODE_NAME
clusterCIDR: $POD_CIDR
mode: iptables
metricsBindAddress: 127.0.0.1:10249
healthzBindAddress: 127.0.0.1:10256
conntrack: {maxPerCore: 0}
oomScoreAdj: 0
EOF
}

# --- processes ------------------------------------------------------------------------------------

# Starts "$@" in the node's namespaces, logging to $LOGS/$1.log; its pid goes to $PIDS/$1.pid.
start() {
  local name="$1"
  shift
  nohup nsenter --mount="$MOUNT_NS" --net="/run/netns/$NETNS" -- nice -n 10 "$@" \
    >"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}

api_ready() {
  [ "$(in_node curl -s --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" \
    "https://$NODE_IP:6443/readyz")" = ok ]
}

node_ready() {
  [ "$(in_node "$BIN/kubectl-tree" --kubeconfig "$ETC/admin.kubeconfig" get node "$NODE_NAME" \
    -o 'jsonpath={.status.conditions[?(@.type=="Ready")].status}')" = True ]
}

control_plane_up() {
  start containerd /usr/bin/containerd --config "$ETC/containerd.toml"
  wait_for 30 ctr_node version || { say "containerd did not start; see $LOGS/containerd.log"; return 1; }
  mkdir -p "$HOME_DIR/etcd"
  in_node mount -t tmpfs -o size=1g tmpfs "$HOME_DIR/etcd"
  start etcd "$BIN/etcd" --name node --data-dir "$HOME_DIR/etcd/data" \
    --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
    --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
    --initial-cluster node=http://127.0.0.1:2380 --listen-metrics-urls http://127.0.0.1:2381
  wait_for 30 in_node curl -sf http://127.0.0.1:2379/health || { say "etcd did not start"; return 1; }
  start kube-apiserver "$BIN/kube-apiserver" --etcd-servers=http://127.0.0.1:2379 \
    --bind-address=0.0.0.0 --secure-port=6443 --insecure-port=0 --advertise-address="$NODE_IP" \
    --service-cluster-ip-range="$SERVICE_CIDR" \
    --client-ca-file="$PKI/ca.crt" --tls-cert-file="$PKI/apiserver.crt" \
    --tls-private-key-file="$PKI/apiserver.key" \
    --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt" \
    --kubelet-client-key="$PKI/apiserver-kubelet-client.key" \
    --kubelet-certificate-authority="$PKI/ca.crt" --kubelet-preferred-address-types=InternalIP \
    --service-account-key-file="$PKI/service-accounts.pub" \
    --service-account-signing-key-file="$PKI/service-accounts.key" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --authorization-mode=Node,RBAC --enable-admission-plugins=NodeRestriction \
    --allow-privileged=true --cert-dir="$HOME_DIR/apiserver-certs" --profiling=false
  wait_for 120 api_ready || { say "kube-apiserver did not become ready; see $LOGS/kube-apiserver.log"; return 1; }
  start kube-controller-manager "$BIN/kube-controller-manager" \
    --kubeconfig="$ETC/controller-manager.kubeconfig" \
    --authentication-kubeconfig="$ETC/controller-manager.kubeconfig" \
    --authorization-kubeconfig="$ETC/controller-manager.kubeconfig" \
    --bind-address=127.0.0.1 --port=0 --leader-elect=false --use-service-account-credentials=true \
    --service-account-private-key-file="$PKI/service-accounts.key" --root-ca-file="$PKI/ca.crt" \
    --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
    --cert-dir="$HOME_DIR/controller-manager-certs" --profiling=false
  start kube-scheduler "$BIN/kube-scheduler" --kubeconfig="$ETC/scheduler.kubeconfig" \
    --authentication-kubeconfig="$ETC/scheduler.kubeconfig" \
    --authorization-kubeconfig="$ETC/scheduler.kubeconfig" \
    --bind-address=127.0.0.1 --port=0 --leader-elect=false --profiling=false
}

node_up() {
  mkdir -p "$HOME_DIR/kubelet/root" "$HOME_DIR/kubelet/volume-plugins"
  # kubelet asks the cloud's metadata address at start unless told there is none.
  start kubelet env AWS_EC2_METADATA_DISABLED=true "$BIN/kubelet" --config="$ETC/kubelet.yaml" \
    --kubeconfig="$ETC/kubelet.kubeconfig" --container-runtime=remote \
    --container-runtime-endpoint="unix://$SOCKET" --image-service-endpoint="unix://$SOCKET" \
    --root-dir="$HOME_DIR/kubelet/root" --cert-dir="$HOME_DIR/kubelet/pki" \
    --node-ip="$NODE_IP" --hostname-override="$NODE_NAME"
  in_node sysctl -qw net.bridge.bridge-nf-call-iptables=1 net.ipv4.conf.all.route_localnet=1 || true
  start kube-proxy "$BIN/kube-proxy" --config="$ETC/kube-proxy.yaml"
  wait_for 120 node_ready || { say "the node did not become Ready; see $LOGS/kubelet.log"; return 1; }
}

# The machine's loopback port into the node's API server: socat listens in the machine's network
# namespace and connects each client from inside the node's.
bridge_up() {
  nohup socat "TCP-LISTEN:$BRIDGE_PORT,bind=127.0.0.1,reuseaddr,fork" \
    "EXEC:nsenter --net=/run/netns/$NETNS socat STDIO TCP\\:$NODE_IP\\:6443" \
    >"$LOGS/bridge.log" 2>&1 &
  echo $! >"$PIDS/bridge.pid"
}

ctr_node() { ctr --address "$SOCKET" "$@"; }

up() {
  if [ "$(id -u)" -ne 0 ]; then say "needs root"; exit 1; fi
  if ip netns list | grep -qw "$NETNS"; then
    say "a node is up already (ip netns $NETNS); 'node.sh down' first"
    exit 1
  fi
  local started=$SECONDS
  mkdir -p "$HOME_DIR" "$ETC"
  pki
  configure
  network_up
  mounts_up
  control_plane_up
  node_up
  bridge_up
  load "$HOME_DIR/images/pause.tar"
  say "node $NODE_NAME Ready in $((SECONDS - started)) s; kubeconfig $HOST_KUBECONFIG"
  echo "$HOST_KUBECONFIG"
}

# Imports image archives into the containerd namespace kubelet uses; one imported before, unchanged
# since, is there still (containerd's store outlives the node).
load() {
  local archive stamp
  for archive in "$@"; do
    stamp="$HOME_DIR/containerd/imported/$(basename "$archive")"
    if [ -f "$stamp" ] && cmp -s "$stamp" <(stat -c '%s %Y' "$archive"); then continue; fi
    ctr_node -n k8s.io images import --all-platforms "$archive" >/dev/null
    mkdir -p "$(dirname "$stamp")"
    stat -c '%s %Y' "$archive" >"$stamp"
  done
}

stop_process() {
  local file="$PIDS/$1.pid" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait_for 10 sh -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# Stops every container of the node's containerd, then containerd itself.
containers_down() {
  [ -S "$SOCKET" ] || return 0
  local namespace task container
  for namespace in k8s.io default; do
    for task in $(ctr_node -n "$namespace" tasks ls -q 2>/dev/null); do
      ctr_node -n "$namespace" tasks kill -s SIGKILL "$task" >/dev/null 2>&1 || true
    done
    sleep 1
    for task in $(ctr_node -n "$namespace" tasks ls -q 2>/dev/null); do
      ctr_node -n "$namespace" tasks delete -f "$task" >/dev/null 2>&1 || true
    done
    for container in $(ctr_node -n "$namespace" containers ls -q 2>/dev/null); do
      ctr_node -n "$namespace" containers delete "$container" >/dev/null 2>&1 || true
    done
  done
}

down() {
  local name pid cgroup top
  stop_process bridge
  for name in kube-proxy kubelet kube-scheduler kube-controller-manager kube-apiserver etcd; do
    stop_process "$name"
  done
  containers_down
  stop_process containerd
  # Shims of this containerd outlive it: they are found by its socket in their arguments.
  for pid in $(pgrep -f "containerd-shim-runc-v2.*$SOCKET" || true); do kill -9 "$pid" 2>/dev/null || true; done
  for cgroup in /sys/fs/cgroup/*/; do
    for top in kubepods k8s.io; do
      [ -d "$cgroup$top" ] && find "$cgroup$top" -depth -type d -exec rmdir {} \; 2>/dev/null || true
    done
  done
  # Every mount of the node lives in its mount namespace and goes with it.
  umount "$MOUNT_NS" 2>/dev/null || true
  umount "$HOME_DIR/ns" 2>/dev/null || true
  ip netns del "$NETNS" 2>/dev/null || true
  rmdir /run/containerd /var/log/pods /var/log/containers 2>/dev/null || true
  rm -rf "$HOME_DIR/kubelet/root" "$HOME_DIR/kubelet/pki" "$HOME_DIR/cni-ipam" \
    "$HOME_DIR/containerd/state" "$HOME_DIR/apiserver-certs" "$HOME_DIR/controller-manager-certs" \
    "$HOME_DIR/varlog" "$SOCKET" "$SOCKET.ttrpc"
  say "node down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  load) shift && load "$@" ;;
  run) shift && in_node "$@" ;;
  *)
    echo "usage: $0 up | down | load TAR... | run CMD..." >&2
    exit 2
    ;;
esac

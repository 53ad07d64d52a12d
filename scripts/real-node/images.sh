#!/usr/bin/env bash
# Builds the project's images from its Dockerfiles with buildah (no Docker engine), on the Debian
# bookworm base scripts/real-node/provision.sh made, and writes each as an OCI archive named as
# the chart and the examples name it (cpa-operator:0.1.0 is docker.io/library/cpa-operator:0.1.0
# to containerd), into OUT_DIR; prints the archives, one a line. Run from anywhere, after
# `mvn package`:
#   images.sh OUT_DIR
# Extra images for the tests, from Dockerfiles of their own, with IMAGE=FILE pairs after OUT_DIR:
# their build context is the Dockerfile's folder, and BASE is the Debian base, for those that take
# one (those written as users write theirs say FROM cpa-autoscaler-python:0.1.0).
set -euo pipefail
cd "$(dirname "$0")/../.."

readonly OUT_DIR="$1"
shift
readonly VERSION=0.1.0
readonly BASE=localhost/cpa-debian-base:bookworm
readonly STORAGE=(--storage-driver vfs)

say() { printf '[real-node images] %s %s\n' "$(date +%T)" "$*" >&2; }

# A digest of what an image is built from: the Dockerfile, the files of its build context that the
# project's .dockerignore keeps (or, for the tests' images, their whole folder), the base's id and
# the build arguments.
inputs_digest() {
  local dockerfile="$1" context="$2"
  shift 2
  {
    sha256sum "$dockerfile"
    if [ "$context" = . ]; then
      sha256sum cpa-autoscaler/target/cpa-autoscaler.jar cpa-hpa/target/cpa-hpa.jar \
        cpa-operator/target/cpa-operator.jar cpa-host/target/cpa-host.jar deploy/python/cpa_worker.py \
        deploy/docker/horizontal-pod-autoscaler/*
    else
      find "$context" -type f -print0 | sort -z | xargs -0 sha256sum
    fi
    buildah "${STORAGE[@]}" inspect --type image --format '{{.FromImageID}}' "$BASE"
    echo "$@"
  } | sha256sum | cut -d' ' -f1
}

# Builds $2 (a Dockerfile) in context $3 as docker.io/library/$1, with the build arguments after,
# unless its archive was written from the same inputs.
build() {
  local image="$1" name="docker.io/library/$1" dockerfile="$2" context="$3"
  shift 3
  # A colon in the archive's path would end the path where buildah reads it.
  local archive="$OUT_DIR/${image//:/_}.tar" digest
  digest="$(inputs_digest "$dockerfile" "$context" "$@")"
  if [ -f "$archive" ] && [ "$(cat "$archive.inputs" 2>/dev/null)" = "$digest" ]; then
    echo "$archive"
    return
  fi
  say "building $image from $dockerfile"
  buildah "${STORAGE[@]}" bud --isolation chroot --layers --force-rm -q -f "$dockerfile" \
    -t "$name" "$@" "$context" >/dev/null
  mkdir -p "$OUT_DIR"
  rm -f "$archive"
  buildah "${STORAGE[@]}" push -q "$name" "oci-archive:$archive:$name"
  echo "$digest" >"$archive.inputs"
  echo "$archive"
}

build "cpa-autoscaler:$VERSION" deploy/docker/autoscaler.Dockerfile . --build-arg "BASE=$BASE"
build "cpa-autoscaler-python:$VERSION" deploy/docker/autoscaler-python.Dockerfile . \
  --build-arg "BASE=docker.io/library/cpa-autoscaler:$VERSION"
build "cpa-horizontal-pod-autoscaler:$VERSION" deploy/docker/horizontal-pod-autoscaler.Dockerfile . \
  --build-arg "BASE=docker.io/library/cpa-autoscaler:$VERSION"
build "cpa-host:$VERSION" deploy/docker/host.Dockerfile . \
  --build-arg "BASE=docker.io/library/cpa-autoscaler-python:$VERSION"
build "cpa-operator:$VERSION" deploy/docker/operator.Dockerfile . --build-arg "BASE=$BASE"
build "hello:$VERSION" scripts/real-node/hello.Dockerfile scripts/real-node --build-arg "BASE=$BASE"
for extra in "$@"; do
  build "${extra%%=*}" "${extra#*=}" "$(dirname "${extra#*=}")" --build-arg "BASE=$BASE"
done

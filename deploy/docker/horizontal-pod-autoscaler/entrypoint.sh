#!/bin/sh
# Starts the autoscaler of the horizontal-pod-autoscaler image. The Go horizontal-pod-autoscaler
# took the HPA's metric specs from the config entry `metrics`; this autoscaler gathers them from
# kubernetesMetricSpecs, so `metrics` is handed on under that name unless kubernetesMetricSpecs is
# set too. CPA_AUTOSCALER_JAR names another jar than the image's, for tests.
if [ -n "${metrics+set}" ] && [ -z "${kubernetesMetricSpecs+set}" ]; then
  kubernetesMetricSpecs="$metrics"
  export kubernetesMetricSpecs
fi
exec java -jar "${CPA_AUTOSCALER_JAR:-/opt/cpa/cpa-autoscaler.jar}" "$@"

# The Horizontal Pod Autoscaler as a Custom Pod Autoscaler, ready to run: the image a
# CustomPodAutoscaler written for the Go horizontal-pod-autoscaler image switches to, with its
# config entries (metrics, minReplicas, maxReplicas, interval, downscaleStabilization, tolerance)
# unchanged. Build the autoscaler image first, then, from the repository root:
#   docker build -f deploy/docker/horizontal-pod-autoscaler.Dockerfile -t cpa-horizontal-pod-autoscaler:0.1.0 .
ARG BASE=cpa-autoscaler:0.1.0
FROM ${BASE}
COPY deploy/docker/horizontal-pod-autoscaler/config.yaml /config.yaml

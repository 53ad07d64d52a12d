# The autoscaler base image for Python user logic, as the Go CPA's custompodautoscaler/python: the
# autoscaler image plus python3, also as `python`, so existing configs with `entrypoint: python` and
# user images such as
#   FROM cpa-autoscaler-python:0.1.0
#   ADD config.yaml metric.py evaluate.py /
# work unchanged. Build the autoscaler image first, then, from the repository root:
#   docker build -f deploy/docker/autoscaler-python.Dockerfile -t cpa-autoscaler-python:0.1.0 .
ARG BASE=cpa-autoscaler:0.1.0
FROM ${BASE}
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python-is-python3 \
    && rm -rf /var/lib/apt/lists/*

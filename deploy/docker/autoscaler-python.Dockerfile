# The autoscaler base image for Python user logic, as the Go CPA's custompodautoscaler/python: the
# autoscaler image plus python3 (also as `python`) and pip, working directory /app, so that existing
# configs with `entrypoint: python` and user images such as
#   FROM cpa-autoscaler-python:0.1.0
#   ADD requirements.txt /
#   RUN pip install -r /requirements.txt
#   ADD config.yaml metric.py evaluate.py /
# build and run unchanged. The base is Debian bookworm, whose Python refuses pip installs outside a
# virtual environment (PEP 668); PIP_BREAK_SYSTEM_PACKAGES lets them go to the image's Python, as in
# the Go CPA's python image. cpa_worker (deploy/python) is importable, for workers written in Python. Build
# the autoscaler image first, then, from the repository root:
#   docker build -f deploy/docker/autoscaler-python.Dockerfile -t cpa-autoscaler-python:0.1.0 .
ARG BASE=cpa-autoscaler:0.1.0
FROM ${BASE}
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-pip python-is-python3 \
    && rm -rf /var/lib/apt/lists/*
ENV PIP_BREAK_SYSTEM_PACKAGES=1
COPY deploy/python/cpa_worker.py /usr/lib/python3/dist-packages/cpa_worker.py

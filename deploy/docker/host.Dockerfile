# The autoscaler host image: the Python autoscaler image (a JRE, python3 and pip, cpa_worker, the
# HPA logic in /opt/cpa/cpa-hpa.jar) plus the host, so that hosted CPAs written for any of the
# project's autoscaler images run with the runtimes they were written for (docs/hosting.md). The
# HPA image's configuration is where the host looks for files of that image that a CPA does not
# mount. Build the Python autoscaler image first, then, from the repository root:
#   docker build -f deploy/docker/host.Dockerfile -t cpa-host:0.1.0 .
# JDK_JAVA_OPTIONS holds the JVM flags measured in docs/benchmarks.md (2,000 hosted CPAs in about
# 500 MB within a 1 GiB limit); the Helm chart's host.javaOptions replaces them.
ARG BASE=cpa-autoscaler-python:0.1.0
FROM ${BASE}
COPY cpa-host/target/cpa-host.jar /opt/cpa/cpa-host.jar
COPY deploy/docker/horizontal-pod-autoscaler/config.yaml /opt/cpa/images/cpa-horizontal-pod-autoscaler/config.yaml
ENV JDK_JAVA_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Xss256k -XX:+ExitOnOutOfMemoryError"
USER 65532:65532
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/opt/cpa/cpa-host.jar"]

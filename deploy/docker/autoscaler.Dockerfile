# The autoscaler base image, a JRE, the autoscaler and the HPA logic (/opt/cpa/cpa-hpa.jar, for
# `java` methods): for user logic that needs nothing else (HTTP methods, the HPA, or commands the
# user image adds). Build from the repository root after `mvn package`:
#   docker build -f deploy/docker/autoscaler.Dockerfile -t cpa-autoscaler:0.1.0 .
# A user image adds its configuration as /config.yaml (the default path) and its logic, as with the
# Go CPA's images; commands run in /app, their working directory there too. It stands in for the Go
# CPA's Alpine image as well: add packages with apt-get where that image's users wrote apk add.
# JDK_JAVA_OPTIONS holds the JVM flags measured in docs/benchmarks.md (ready in about 1.6 s, about
# 120 MB resident); set the variable in the pod to replace them. Every image of the project is
# Debian bookworm; the tests build them on a bookworm made with mmdebstrap, passed as BASE.
ARG BASE=debian:bookworm-slim
FROM ${BASE}
# The JRE's postinst needs the man folder that slim images leave out.
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jre-headless ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY cpa-autoscaler/target/cpa-autoscaler.jar cpa-hpa/target/cpa-hpa.jar /opt/cpa/
ENV JDK_JAVA_OPTIONS="-XX:+UseSerialGC -Xmx48m -Xss256k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m -XX:TieredStopAtLevel=1"
WORKDIR /app
EXPOSE 5000
ENTRYPOINT ["java", "-jar", "/opt/cpa/cpa-autoscaler.jar"]

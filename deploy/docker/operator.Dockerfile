# The operator image. Build from the repository root after `mvn package`:
#   docker build -f deploy/docker/operator.Dockerfile -t cpa-operator:0.1.0 .
# JDK_JAVA_OPTIONS holds the JVM flags measured in docs/benchmarks.md (300 autoscalers reconciled in
# under 5 s, about 175 MB resident within the chart's 256 MiB limit); the Helm chart's javaOptions
# replaces them. Debian bookworm, as every image of the project; the tests pass their own BASE.
ARG BASE=debian:bookworm-slim
FROM ${BASE}
# The JRE's postinst needs the man folder that slim images leave out.
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
    && rm -rf /var/lib/apt/lists/*
COPY cpa-operator/target/cpa-operator.jar /opt/cpa/cpa-operator.jar
ENV JDK_JAVA_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=50 -XX:TieredStopAtLevel=1 -Xss256k -XX:+ExitOnOutOfMemoryError"
USER 65532:65532
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/opt/cpa/cpa-operator.jar"]

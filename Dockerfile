# syntax=docker/dockerfile:1
# Build stage: the same Maven build as CI, without running the tests (CI runs them on this commit).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY server-config server-config
RUN mvn -B -ntp -q package -DskipTests

# Runtime stage: a slim JRE, the one runnable, a non-root user, configuration only from the environment.
# The user has a fixed numeric id (10001) so that Kubernetes can check runAsNonRoot (deploy/k8s runs it as 10001).
# Transparent huge pages for the heap (where the host's kernel offers them, as with its default 'madvise'): about a
# tenth more ingestion throughput in bench/ingest; the JVM warns once and goes on where they are off.
# Tiered compilation stays on (the JVM's default): turning it off slows every start (see README, Performance);
# bench/ingest turns it off for its own throughput runs.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 opsdeck && useradd --system --uid 10001 --gid opsdeck --home-dir /opt/opsdeck opsdeck \
    && mkdir -p /opt/opsdeck/data && chown -R opsdeck:opsdeck /opt/opsdeck \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/opsdeck
COPY --from=build --chown=opsdeck:opsdeck /src/target/opsdeck.jar /opt/opsdeck/opsdeck.jar
USER 10001:10001
ENV OPSDECK_DATA_DIR=/opt/opsdeck/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseTransparentHugePages"
VOLUME /opt/opsdeck/data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["java", "-jar", "/opt/opsdeck/opsdeck.jar"]

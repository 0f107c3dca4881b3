# One image for both processes, each with its own boot jar; CHAT_ROLE=api|worker picks which one runs.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml .
COPY domain/pom.xml domain/
COPY application/pom.xml application/
COPY adapters-rest/pom.xml adapters-rest/
COPY adapters-persistence/pom.xml adapters-persistence/
COPY adapters-search/pom.xml adapters-search/
COPY infra/pom.xml infra/
COPY api/pom.xml api/
COPY worker/pom.xml worker/
COPY dataset/pom.xml dataset/
COPY benchmarks/pom.xml benchmarks/
COPY system-tests/pom.xml system-tests/
# Dependencies first, so a code change does not download the world again.
RUN mvn -B -q -pl api,worker -am dependency:go-offline -DexcludeArtifactIds=domain,application,adapters-rest,adapters-persistence,adapters-search,infra || true
COPY . .
RUN mvn -B -q -DskipTests -pl api,worker -am package

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 chat
WORKDIR /app
COPY --from=build /src/api/target/chat-api.jar /app/chat-api.jar
COPY --from=build /src/worker/target/chat-worker.jar /app/chat-worker.jar
COPY docker/entrypoint.sh /app/entrypoint.sh
USER chat
ENV CHAT_ROLE=api JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:G1HeapRegionSize=4m"
# 8080: the API; 8081: the worker's actuator; 8082: the API's actuator (management port)
EXPOSE 8080 8081 8082
ENTRYPOINT ["/bin/sh", "/app/entrypoint.sh"]

# The contest app in a container: the Maven build, then a Temurin 17 JRE running it as a user without privileges.
# NOT BUILT IN CI: no container registry is reachable from this project's machines, so this file has never been
# built here. app/src/test/.../ContainerFilesTest holds it to the code (port, health path, variables, user).
# Build: docker build -t contest-app .     Run with PostgreSQL and nginx: docker compose up -d (compose.yaml).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the health check; DejaVu for the share images' Vietnamese; a system user with no shell and no password runs the app.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl fonts-dejavu-core fontconfig \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin contest
WORKDIR /app
COPY --from=build /src/app/target/contest-app.jar /app/contest-app.jar
RUN mkdir -p /app/data /app/backups && chown -R contest:contest /app
ENV PORT=7070 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data \
    BACKUP_DIR=/app/backups
USER contest
EXPOSE 7070
# /health answers 200 when the app and its database work, 503 when the database is out of reach.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://127.0.0.1:7070/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/contest-app.jar"]
CMD ["serve"]

# syntax=docker/dockerfile:1
# The chat server as a container image, built from this repository: a Maven stage makes the release archive
# (chat-dist; the tests are CI's job), and the runtime stage unpacks it onto a Java 21 runtime and runs
# bin/chat-server, as the repository's scripts would, as an unprivileged user.
#
#   docker build -t chat-server .
#   docker run --rm -p 6000:6000 -v chat-data:/var/lib/chat chat-server     # a node alone, embedded database
#   docker compose up --build                                                # MariaDB, Redis, 2 nodes, nginx
#
# Written and linted without a container runtime at hand (see README, "Docker"): not yet built or run.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -pl chat-dist -am package -DskipTests \
    && mkdir /release && tar -xzf chat-dist/target/chat-*.tar.gz -C /release \
    && mv /release/chat-* /release/chat

FROM eclipse-temurin:21-jre
RUN groupadd --system chat \
    && useradd --system --gid chat --home-dir /var/lib/chat --shell /usr/sbin/nologin chat \
    && install -d -o chat -g chat -m 750 /var/lib/chat
COPY --from=build /release/chat /opt/chat
USER chat
# The working directory holds the embedded database (./data) of a node started without --db-url.
WORKDIR /var/lib/chat
VOLUME /var/lib/chat
EXPOSE 6000
# bin/chat-server execs java, so the JVM is PID 1 and `docker stop`'s SIGTERM stops the node in order.
ENTRYPOINT ["/opt/chat/bin/chat-server"]
CMD ["--host", "0.0.0.0", "--port", "6000"]
# Accepting TCP connections on the port the default command listens on.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/6000"]

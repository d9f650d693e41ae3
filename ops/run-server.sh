#!/usr/bin/env bash
# Starts one chat server with the embedded database (./data) on 127.0.0.1:6000, building it first if needed.
# Any chat-server option can follow, e.g. ops/run-server.sh --port 6002 --data-dir /tmp/chat2
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
jar=$(pwd)/chat-server/target/chat-server.jar
if [ ! -f "$jar" ] || [ -n "$(find chat-core/src chat-server/src migrations -newer "$jar" -type f -print -quit)" ]; then
    echo "building $jar ..."
    mvn -q -B -pl chat-server -am package -DskipTests
fi
# CHAT_JAVA_OPTS passes JVM flags, e.g. "-XX:+UseSerialGC -Xms16m -Xmx512m" for a small memory footprint.
# Out of heap, a node can lose its accept thread and go on half alive; exiting lets clients reconnect elsewhere
# and a supervisor restart it.
# With the AOT cache the build made for this jar (JDK 25+), the server is fast from its first second.
exec "$JAVA_HOME/bin/java" $(aot_flags "$jar") -XX:+ExitOnOutOfMemoryError ${CHAT_JAVA_OPTS:-} -jar "$jar" "$@"

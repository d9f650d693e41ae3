#!/usr/bin/env bash
# Starts one chat server with the embedded database (./data) on 127.0.0.1:6000, and its web client on
# http://127.0.0.1:6080, building it first if needed. Any chat-server option can follow, e.g.
# ops/run-server.sh --port 6002 --ws-port 6082 --data-dir /tmp/chat2
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
jar=$(pwd)/chat-server/target/chat-server.jar
if [ ! -f "$jar" ] || [ -n "$(find chat-core/src chat-server/src migrations -newer "$jar" -type f -print -quit)" ]; then
    echo "building $jar ..."
    mvn -q -B -pl chat-server -am package -DskipTests
fi
# CHAT_JAVA_OPTS passes JVM flags, e.g. "-XX:+UseSerialGC -Xms16m -Xmx512m" for a small memory footprint.
# server_flags (java-home.sh): exit when out of heap, a young generation of at most 48 MB, trim malloc, and the AOT
# cache the build made for this jar.
web=(--ws-port 6080)
for arg in "$@"; do
    case $arg in --ws-port|--ws-port=*) web=() ;; esac
done
exec "$JAVA_HOME/bin/java" $(server_flags "$jar") ${CHAT_JAVA_OPTS:-} -jar "$jar" "${web[@]}" "$@"

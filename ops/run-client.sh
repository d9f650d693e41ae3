#!/usr/bin/env bash
# Starts the terminal client against 127.0.0.1:6000, building it first if needed; options pass through,
# e.g. ops/run-client.sh --port 8000
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
jar=chat-client/target/chat-client.jar
if [ ! -f "$jar" ] || [ -n "$(find chat-core/src chat-client/src -newer "$jar" -type f -print -quit)" ]; then
    echo "building $jar ..." >&2
    mvn -q -B -pl chat-client -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"

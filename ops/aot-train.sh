#!/usr/bin/env bash
# Builds the server's ahead-of-time cache (JDK 25+: classes loaded and linked, and method profiles, from a
# training run), so that a server started with it is fast from its first second instead of after the JIT has
# watched it for a while. Run by the build after chat-bench is packaged; by hand:
#
#   ops/aot-train.sh [SERVER_JAR [BENCH_JAR [CACHE]]]
#
# The training run is an embedded server under a few seconds of the load tool's one-to-one, group and login
# traffic. The JVM checks that a cache fits the jar it is used with, path included: a cache is used only by a
# server started from the same absolute jar path (ops/run-server.sh, ops/cluster-start.sh and ops/bench-run.sh
# do). With a JDK older than 25 there is nothing to build and the script says so and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
server_jar=$(realpath "${1:-chat-server/target/chat-server.jar}")
bench_jar=$(realpath "${2:-chat-bench/target/chat-bench.jar}")
cache=$(realpath -m "${3:-${server_jar%.jar}.aot}")
# Asked of the flag list, not by a trial run: a JVM given -XX:AOTCacheOutput=/dev/null replaces /dev/null with
# the cache it writes (as root, it can).
if ! grep -qw AOTCacheOutput <<<"$("$JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null)"; then
    echo "aot-train: $JAVA_HOME has no AOT cache (needs JDK 25+); the server starts without one"
    exit 0
fi
work=$(mktemp -d /tmp/aot-train.XXXXXX)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
rm -f "$cache"
"$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$cache" -Xlog:aot=warning -jar "$server_jar" --port "$port" \
    --data-dir "$work/data" --pbkdf2-iterations 1000 --register-limit 0 > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 120); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
bench() {
    "$JAVA_HOME/bin/java" -jar "$bench_jar" "$@" --target "127.0.0.1:$port" > "$work/bench.log" 2>&1 \
        || { echo "aot-train: the training load failed:"; cat "$work/bench.log"; exit 1; }
}
bench chat --users 200 --rate 4000 --warmup 2 --duration 6 --drain 5
bench group --users 100 --group-size 20 --rate 200 --warmup 1 --duration 4 --drain 5
bench login --users 200 --drain 5
# The cache is written as the server exits.
kill -TERM "$server"
wait "$server" || true
if [ ! -s "$cache" ]; then
    echo "aot-train: no cache was written:"; tail -20 "$work/server.log"; exit 1
fi
echo "aot-train: $(du -h "$cache" | cut -f1) cache for $server_jar in $cache"

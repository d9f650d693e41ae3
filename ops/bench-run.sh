#!/usr/bin/env bash
# One benchmark run: starts a fresh chat server pinned to CPU 1, runs `chat-client bench` pinned to CPU 0
# against it (with --server-pid), then stops the server. Prints the git commit and the tool's report.
#
#   ops/bench-run.sh [--db h2|mariadb] [--iterations N] [--port P] [--jfr FILE] [--heap SIZE] -- <bench args>
#   e.g. ops/bench-run.sh --db mariadb -- chat --users 1000 --rate 40000 --duration 30
#
# MariaDB runs get a fresh utf8mb4 database bench_<port>; H2 runs a fresh data dir under /tmp.
# BENCH_SERVER_JVM_ARGS adds JVM flags to the server, e.g. "-XX:+UseSerialGC -Xms16m".
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
db=h2 iterations=1000 port=6100 jfr="" heap=""
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db=$2; shift 2 ;;
        --iterations) iterations=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --jfr) jfr=$2; shift 2 ;;
        --heap) heap=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
ulimit -n "$(ulimit -Hn)"
[ -f chat-server/target/chat-server.jar ] || mvn -q -B -pl chat-server -am package -DskipTests
[ -f chat-client/target/chat-client.jar ] || mvn -q -B -pl chat-client -am package -DskipTests
work=$(mktemp -d /tmp/bench-run.XXXXXX)
# Private copies: a rebuild in the tree during the run must not swap classes under the running JVMs.
cp chat-server/target/chat-server.jar chat-client/target/chat-client.jar "$work/"
server_args=(--port "$port" --pbkdf2-iterations "$iterations")
if [ "$db" = mariadb ]; then
    mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS bench_$port; CREATE DATABASE bench_$port CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    server_args+=(--db-url "jdbc:mysql://127.0.0.1:3306/bench_$port" --db-user root)
else
    server_args+=(--data-dir "$work/data")
fi
jvm_args=(${BENCH_SERVER_JVM_ARGS:-})
[ -n "$heap" ] && jvm_args+=("-Xmx$heap")
[ -n "$jfr" ] && jvm_args+=("-XX:StartFlightRecording=filename=$jfr,settings=profile")
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- chat-server chat-core || echo '+dirty')  db: $db  iterations: $iterations  ulimit -n: $(ulimit -n)"
taskset -c 1 "$JAVA_HOME/bin/java" "${jvm_args[@]}" -jar "$work/chat-server.jar" "${server_args[@]}" \
    > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 120); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
echo "server pid $server, log $work/server.log"
set +e
taskset -c 0 "$JAVA_HOME/bin/java" -cp "$work/chat-client.jar" chat.client.bench.BenchCommand \
    "$@" --target "127.0.0.1:$port" --server-pid "$server"
status=$?
exit $status

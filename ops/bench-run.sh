#!/usr/bin/env bash
# One benchmark run: starts a fresh chat server pinned to CPU 1, runs `chat-bench` pinned to CPU 0
# against it (with --server-pid), then stops the server. Prints the git commit and the tool's report.
#
#   ops/bench-run.sh [--db sqlite|mariadb|h2] [--iterations N] [--port P] [--jfr FILE] [--heap SIZE]
#                    [--nodes 1|2] [--keep-db] [--no-aot] -- <bench args>
#   e.g. ops/bench-run.sh --db mariadb -- chat --users 1000 --rate 40000 --duration 30
#
# MariaDB runs get a fresh utf8mb4 database bench_<port> (--keep-db reuses it, e.g. for users registered by an
# earlier run with --user-file); sqlite (the embedded default) runs a fresh data dir under /tmp, and so does h2,
# the embedded store before SQLite, kept for comparison.
# --nodes 2 (MariaDB only) starts a two-node cluster, both nodes pinned to CPU 1, sharing bench_<port> and
# Redis (BENCH_REDIS, default redis://127.0.0.1:6379, a fresh key prefix per run) on ports P and P+1, and
# passes both as --target and --server-pid: the tool puts user i on target i mod 2 and pairs i with i^1, so
# the two users of every pair sit on different nodes and every one-to-one chat crosses Redis.
# BENCH_SERVER_JVM_ARGS adds JVM flags to the server, e.g. "-XX:+UseSerialGC -Xms16m"; BENCH_SERVER_ARGS adds
# server options, e.g. "--admin-port 9100" (one node: two would share the port).
# The server runs from chat-server/target with the AOT cache the build made for it (JDK 25+), unless
# --no-aot; do not rebuild while a run is on.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
db=sqlite iterations=1000 port=6100 jfr="" heap="" nodes=1 keep_db=0 aot=1
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db=$2; shift 2 ;;
        --iterations) iterations=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --jfr) jfr=$2; shift 2 ;;
        --heap) heap=$2; shift 2 ;;
        --nodes) nodes=$2; shift 2 ;;
        --keep-db) keep_db=1; shift ;;
        --no-aot) aot=0; shift ;;
        --) shift; break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
case "$nodes" in 1|2) ;; *) echo "--nodes must be 1 or 2" >&2; exit 2 ;; esac
if [ "$nodes" = 2 ] && [ "$db" != mariadb ]; then echo "--nodes 2 needs --db mariadb (the nodes share it)" >&2; exit 2; fi
ulimit -n "$(ulimit -Hn)"
[ -f chat-server/target/chat-server.jar ] || mvn -q -B -pl chat-server -am package -DskipTests
[ -f chat-bench/target/chat-bench.jar ] || mvn -q -B -pl chat-bench -am package -DskipTests
work=$(mktemp -d /tmp/bench-run.XXXXXX)
server_jar=$(pwd)/chat-server/target/chat-server.jar
# A private copy of the tool; the server runs in place, where its AOT cache fits it.
cp chat-bench/target/chat-bench.jar "$work/"
# The tool registers all its users from one address, far past the default --register-limit.
server_args=(--port "$port" --pbkdf2-iterations "$iterations" --register-limit 0)
if [ "$db" = mariadb ]; then
    if [ "$keep_db" = 1 ]; then
        mysql -h127.0.0.1 -uroot -e "CREATE DATABASE IF NOT EXISTS bench_$port CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    else
        mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS bench_$port; CREATE DATABASE bench_$port CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    fi
    server_args+=(--db-url "jdbc:mysql://127.0.0.1:3306/bench_$port" --db-user root)
elif [ "$db" = h2 ]; then
    server_args+=(--db-url "jdbc:h2:file:$work/data/chat;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE"
        --db-user sa --db-pool-size 8)
elif [ "$db" = sqlite ]; then
    server_args+=(--data-dir "$work/data")
else
    echo "--db must be sqlite, mariadb or h2" >&2; exit 2
fi
server_args+=(${BENCH_SERVER_ARGS:-})
# The flags ops/run-server.sh starts a server with, so that what is measured is what ships; then
# BENCH_SERVER_JVM_ARGS, which come later so that they win (-Xmn over server_flags' young-generation cap).
jvm_args=($(server_flags "$server_jar" $([ "$aot" = 1 ] || echo --no-aot)))
jvm_args+=(${BENCH_SERVER_JVM_ARGS:-})
[ -n "$heap" ] && jvm_args+=("-Xmx$heap")
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- chat-server chat-core || echo '+dirty')  db: $db  iterations: $iterations  nodes: $nodes  aot: $([ "$aot" = 1 ] && [ -n "$(aot_flags "$server_jar")" ] && echo yes || echo no)  ulimit -n: $(ulimit -n)"
servers=() targets=() pids=()
trap 'for s in "${servers[@]}"; do kill "$s" 2>/dev/null; done; for s in "${servers[@]}"; do wait "$s" 2>/dev/null; done; true' EXIT
redis_prefix="bench$port-$(date +%s)"
for n in $(seq 0 $((nodes - 1))); do
    node_port=$((port + n))
    node_args=("${server_args[@]}")
    node_args[1]=$node_port
    [ "$nodes" = 2 ] && node_args+=(--redis "${BENCH_REDIS:-redis://127.0.0.1:6379}" --redis-prefix "$redis_prefix" --node-id "bench-$node_port")
    node_jvm=("${jvm_args[@]}")
    [ -n "$jfr" ] && node_jvm+=("-XX:StartFlightRecording=filename=${jfr%.jfr}${n/#0/}.jfr,settings=profile")
    taskset -c 1 "$JAVA_HOME/bin/java" "${node_jvm[@]}" -jar "$server_jar" "${node_args[@]}" \
        > "$work/server$n.log" 2>&1 &
    servers+=($!) targets+=(--target "127.0.0.1:$node_port") pids+=(--server-pid "$!")
done
# Polled finely: a cold-start run's clock starts when the server listens, and the tool cannot start before this.
for n in $(seq 0 $((nodes - 1))); do
    for _ in $(seq 600); do (exec 3<>"/dev/tcp/127.0.0.1/$((port + n))") 2>/dev/null && break; sleep 0.1; done
done
echo "server pid(s) ${servers[*]}, logs $work/server*.log"
set +e
taskset -c 0 "$JAVA_HOME/bin/java" -jar "$work/chat-bench.jar" \
    "$@" "${targets[@]}" "${pids[@]}"
status=$?
exit $status

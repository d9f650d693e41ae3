#!/usr/bin/env bash
# Starts a local chat cluster and waits until it accepts connections:
#   MariaDB on 127.0.0.1:3306 and Redis on 127.0.0.1:6379 (started if not running, installed if missing),
#   the database `chat` (utf8mb4, created if missing; CHAT_DB_NAME overrides),
#   two chat-server nodes on 127.0.0.1:6000 and 127.0.0.1:6002 sharing that database and Redis, each with its
#   web client and WebSocket on its port + 80 (6080, 6082),
#   nginx on 127.0.0.1:8000 balancing TCP connections over the two nodes (ops/nginx.conf), on 127.0.0.1:8443
#   the same behind TLS, with the certificate in CHAT_TLS_DIR (default: a development one that
#   ops/make-dev-cert.sh makes in run/tls), and on 127.0.0.1:8080 their web client and WebSocket.
# Logs and pid files go to run/cluster/ (CHAT_RUN_DIR overrides). Running it again starts only what is down.
# Extra arguments go to both nodes, e.g. ops/cluster-start.sh --pbkdf2-iterations 1000
# Stop it with ops/cluster-stop.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source ops/cluster-lib.sh
source ops/java-home.sh
source ops/services.sh

DB_NAME=${CHAT_DB_NAME:-chat}
JAR=$ROOT/chat-server/target/chat-server.jar
mkdir -p "$RUN_DIR" "$NGINX_PREFIX/logs"

echo "== services"
ensure_mariadb
ensure_redis
ensure_nginx
ensure_openssl
echo "MariaDB 127.0.0.1:3306 and Redis 127.0.0.1:6379 are up"
MYSQL_PWD=${CHAT_DB_PASSWORD:-} mysql -h127.0.0.1 -u"${CHAT_DB_USER:-root}" \
    -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
echo "database '$DB_NAME' is there"

echo "== build"
if [ ! -f "$JAR" ] || [ -n "$(find chat-core/src chat-server/src migrations -newer "$JAR" -type f -print -quit)" ]; then
    echo "building $JAR with $JAVA_HOME ..."
    mvn -q -B -pl chat-server -am package -DskipTests
else
    echo "$JAR is up to date"
fi

echo "== nodes"
for port in "${NODE_PORTS[@]}"; do
    pidfile=$RUN_DIR/node-$port.pid
    if pid=$(live_pid "$pidfile" chat-server.jar); then
        echo "node 127.0.0.1:$port: already running (pid $pid)"
        continue
    fi
    if port_open "$port"; then
        echo "port $port is taken by a process this script did not start; stop it first" >&2
        exit 1
    fi
    nohup "$JAVA_HOME/bin/java" $(server_flags "$JAR") ${CHAT_JAVA_OPTS:-} -jar "$JAR" --host 127.0.0.1 --port "$port" \
        --db-url "jdbc:mysql://127.0.0.1:3306/$DB_NAME" --redis redis://127.0.0.1:6379 \
        --node-id "$(hostname):$port" --ws-port $((port + WEB_OFFSET)) "$@" >>"$RUN_DIR/node-$port.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    echo "node 127.0.0.1:$port: started (pid $!, log $RUN_DIR/node-$port.log)"
done
for port in "${NODE_PORTS[@]}"; do
    for _ in $(seq 600); do
        port_open "$port" && break
        # Alive is enough here: right after the fork the process may not have become java yet.
        if ! kill -0 "$(cat "$RUN_DIR/node-$port.pid")" 2>/dev/null; then
            echo "node 127.0.0.1:$port exited; the end of its log:" >&2
            tail -n 20 "$RUN_DIR/node-$port.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    port_open "$port" || { echo "node 127.0.0.1:$port did not listen within 60 s; see $RUN_DIR/node-$port.log" >&2; exit 1; }
done
echo "both nodes accept connections"

echo "== nginx"
# The TLS listener's certificate: a development pair made once (ops/make-dev-cert.sh), or CHAT_TLS_DIR's.
tls_dir=${CHAT_TLS_DIR:-$ROOT/run/tls}
[ -n "${CHAT_TLS_DIR:-}" ] || bash ops/make-dev-cert.sh "$tls_dir"
# nginx runs a copy of ops/nginx.conf with the certificate directory filled in and the stream module loaded
# from where this nginx has it (Debian's path in the file; nothing when it is built in).
conf=$NGINX_PREFIX/nginx.conf
sed "s#CHAT_TLS_DIR#$tls_dir#g" "$ROOT/ops/nginx.conf" >"$conf"
nginx_build=$(nginx -V 2>&1)
if grep -q -- '--with-stream=dynamic' <<<"$nginx_build"; then
    if [ ! -f /usr/lib/nginx/modules/ngx_stream_module.so ]; then
        module=$(ls /usr/lib64/nginx/modules/ngx_stream_module.so /usr/share/nginx/modules/ngx_stream_module.so \
            /etc/nginx/modules/ngx_stream_module.so 2>/dev/null | head -n 1 || true)
        [ -n "$module" ] || { echo "nginx's stream module is missing: apt-get install libnginx-mod-stream" >&2; exit 1; }
        sed -i "s#^load_module .*#load_module $module;#" "$conf"
    fi
elif grep -q -- '--with-stream' <<<"$nginx_build"; then
    sed -i '/^load_module /d' "$conf"
else
    echo "this nginx has no stream (TCP) module: apt-get install libnginx-mod-stream" >&2
    exit 1
fi
if pid=$(live_pid "$NGINX_PREFIX/nginx.pid" nginx); then
    echo "nginx 127.0.0.1:$LB_PORT: already running (pid $pid)"
else
    if port_open "$LB_PORT"; then
        echo "port $LB_PORT is taken by a process this script did not start; stop it first" >&2
        exit 1
    fi
    nginx -p "$NGINX_PREFIX/" -e "$NGINX_PREFIX/logs/error.log" -c "$conf"
    wait_port "$LB_PORT"
    wait_port "$LB_TLS_PORT"
    wait_port "$WEB_LB_PORT"
    echo "nginx 127.0.0.1:$LB_PORT, TLS on 127.0.0.1:$LB_TLS_PORT, web on 127.0.0.1:$WEB_LB_PORT: started (pid $(cat "$NGINX_PREFIX/nginx.pid"), config $conf)"
fi

echo "== ready"
echo "clients connect to 127.0.0.1:$LB_PORT, e.g. ops/run-client.sh --port $LB_PORT or nc 127.0.0.1 $LB_PORT"
echo "or with TLS to 127.0.0.1:$LB_TLS_PORT: ops/run-client.sh --port $LB_TLS_PORT --tls --ca $tls_dir/ca.crt"
echo "browsers open http://127.0.0.1:$WEB_LB_PORT"
echo "node logs: $RUN_DIR/node-*.log; nginx: $NGINX_PREFIX/logs/; stop with ops/cluster-stop.sh"

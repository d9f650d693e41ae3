#!/usr/bin/env bash
# Stops the local cluster that ops/cluster-start.sh started: nginx first (no new connections), then each node
# with SIGTERM, which closes its connections and logs its users out. MariaDB and Redis are shared services
# and keep running. Safe to run when nothing, or only part of the cluster, is running.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/cluster-lib.sh

stop_pid "$NGINX_PREFIX/nginx.pid" "nginx 127.0.0.1:$LB_PORT" nginx 10
for port in "${NODE_PORTS[@]}"; do
    stop_pid "$RUN_DIR/node-$port.pid" "node 127.0.0.1:$port" chat-server.jar 20
done
echo "cluster stopped; logs stay in $RUN_DIR"

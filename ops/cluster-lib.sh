# Sourced by cluster-start.sh and cluster-stop.sh: where the local cluster lives and how to tell whether a
# process of it is running. Everything it writes goes under $RUN_DIR (default: run/cluster in the repository).

RUN_DIR=${CHAT_RUN_DIR:-$PWD/run/cluster}
NODE_PORTS=(6000 6002)
LB_PORT=8000
LB_TLS_PORT=8443
# Each node serves its web client and WebSocket on its port + 80 (6080, 6082); nginx balances them on 8080.
WEB_OFFSET=80
WEB_LB_PORT=8080
NGINX_PREFIX=$RUN_DIR/nginx

# The pid in $1 if that process is alive and its command line contains $2; nothing otherwise (a stale pid
# file, or a pid the system has since given to something else).
live_pid() {
    local pidfile=$1 marker=$2 pid
    [ -f "$pidfile" ] || return 1
    pid=$(cat "$pidfile" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$marker" || return 1
    echo "$pid"
}

# Sends SIGTERM to the process in pid file $1 (when it is $3) and waits up to $4 seconds for it to end.
stop_pid() {
    local pidfile=$1 name=$2 marker=$3 wait_s=$4 pid
    if ! pid=$(live_pid "$pidfile" "$marker"); then
        echo "$name: not running"
        rm -f "$pidfile"
        return 0
    fi
    echo -n "$name: stopping pid $pid "
    kill -TERM "$pid"
    for _ in $(seq $((wait_s * 10))); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "- stopped"
            rm -f "$pidfile"
            return 0
        fi
        sleep 0.1
    done
    echo "- still running after ${wait_s}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

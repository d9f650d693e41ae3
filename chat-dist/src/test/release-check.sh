#!/usr/bin/env bash
# The release archive as a user gets it: unpacked into a temporary directory, bin/chat-server started on a free
# port with a temporary data directory, bin/chat-client registering and logging in in scripted mode, the server
# stopped with SIGTERM. Fails on anything missing, a failed step, or a warning either program printed (a JVM
# warning, a WARN or ERROR log line). Run by chat-dist's integration-test phase:
#
#   bash chat-dist/src/test/release-check.sh chat-dist/target/chat-VERSION.tar.gz
set -euo pipefail
archive=$(realpath "$1")
work=$(mktemp -d /tmp/chat-release.XXXXXX)
server=""
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "release-check: $*" >&2
    exit 1
}

tar -xzf "$archive" -C "$work"
home=$(echo "$work"/chat-*)
[ -d "$home" ] || fail "$archive does not unpack to one chat-VERSION directory"
for file in bin/chat-server bin/chat-client lib/chat-server.jar lib/chat-client.jar ops/java-lib.sh \
        ops/make-dev-cert.sh ops/nginx.conf ops/systemd/chat-server.service ops/systemd/chat-server.env \
        ops/systemd/chat-sysusers.conf README.md docs/PROTOCOL.md docs/DESIGN.md; do
    [ -e "$home/$file" ] || fail "the archive has no $file"
done
[ -x "$home/bin/chat-server" ] && [ -x "$home/bin/chat-client" ] || fail "the launch scripts are not executable"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$home/bin/chat-server" --port "$port" --data-dir "$work/data" --pbkdf2-iterations 1000 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; fail "bin/chat-server exited"; }
    sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { cat "$work/server.log" >&2; fail "nothing listens on $port"; }

client() {
    "$home/bin/chat-client" --port "$port" >"$work/client.out" 2>"$work/client.err" \
        || { cat "$work/client.out" "$work/client.err" >&2; fail "bin/chat-client failed ($*)"; }
    [ ! -s "$work/client.err" ] || { cat "$work/client.err" >&2; fail "bin/chat-client printed errors ($*)"; }
}
printf "register alice 'pw-alice'\nquit\n" | client register
id=$(sed -n 's/^registered alice with id \([0-9]*\).*/\1/p' "$work/client.out")
[ -n "$id" ] || { cat "$work/client.out" >&2; fail "no id in the answer to register"; }
printf 'login %s pw-alice\nquit\n' "$id" | client login
grep -q "logged in as alice (id $id)" "$work/client.out" || { cat "$work/client.out" >&2; fail "login did not work"; }

kill -TERM "$server"
status=0
wait "$server" || status=$?
server=""
# 143: ended by SIGTERM, after its shutdown hook stopped it cleanly.
[ "$status" = 0 ] || [ "$status" = 143 ] || { cat "$work/server.log" >&2; fail "bin/chat-server exited with $status"; }
grep -q "shutting down" "$work/server.log" || { cat "$work/server.log" >&2; fail "the server did not shut down cleanly"; }
if grep -E -n '^WARNING|\bWARN\b|\bERROR\b' "$work/server.log" >&2; then
    fail "bin/chat-server printed the warnings above"
fi
echo "release-check: $(basename "$archive") unpacked; bin/chat-server served 127.0.0.1:$port from a temporary data"\
    "directory and stopped cleanly; bin/chat-client registered alice (id $id) and logged in"

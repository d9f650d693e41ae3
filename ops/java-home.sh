# Sourced by the other scripts: exports JAVA_HOME as a JDK 21 or newer, installing one on Debian/Ubuntu
# when none is found, and makes sure Maven is there.

java_major() {
    "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

find_jdk() {
    local candidate
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

apt_install() {
    if [ -z "${CHAT_APT_UPDATED:-}" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        export CHAT_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! JAVA_HOME=$(find_jdk); then
    echo "no JDK 21+ found; installing one" >&2
    apt_install openjdk-21-jdk-headless || apt_install openjdk-25-jdk-headless
    JAVA_HOME=$(find_jdk) || { echo "could not find or install a JDK 21+; set JAVA_HOME" >&2; exit 1; }
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
command -v mvn >/dev/null || apt_install maven

# The JVM flag that starts the server jar $1 with its AOT cache (see ops/aot-train.sh), or nothing when there is
# no cache built after the jar or the JDK cannot use one. The cache only fits the jar at the path it was built
# for, so pass the same absolute path to -jar.
aot_flags() {
    local cache="${1%.jar}.aot"
    if [ -s "$cache" ] && [ "$cache" -nt "$1" ] \
            && grep -qw AOTCache <<<"$("$JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null)"; then
        echo "-XX:AOTCache=$cache -Xlog:aot=off"
    fi
}

# The JVM flags the scripts start a server with: exit when out of heap (a node can lose its accept thread and go
# on half alive; exiting lets clients reconnect elsewhere and a supervisor restart it); hand memory that malloc
# holds free back to the system every 10 s (the JIT's work areas leave ~30 MB behind after warm-up; JDK 22+);
# and the AOT cache when there is one for jar $1, unless $2 is --no-aot. The initial heap stays the JVM's
# default (1/64 of RAM): -Xms32m saves ~90 MB of RSS on an idle server but costs ~7% more CPU per chat under
# load in extra collections; CHAT_JAVA_OPTS="-Xms32m" chooses it.
server_flags() {
    local flags="-XX:+ExitOnOutOfMemoryError"
    if "$JAVA_HOME/bin/java" -XX:TrimNativeHeapInterval=10000 -version >/dev/null 2>&1; then
        flags+=" -XX:TrimNativeHeapInterval=10000"
    fi
    [ "${2:-}" = --no-aot ] || flags+=" $(aot_flags "$1")"
    echo $flags
}

# Sourced, never run: finding a Java 21+ and the JVM flags a server starts with. It installs nothing and needs
# nothing but bash, so the release archive's bin/chat-server and bin/chat-client use it as they are, and
# ops/java-home.sh (the developers' side, which also installs a JDK and Maven) builds on it.

# The feature release of the Java in $1 (21 for 21.0.5), from its release file, else from `java -version`.
java_major() {
    local version=""
    if [ -r "$1/release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
    fi
    if [ -z "$version" ] && [ -x "$1/bin/java" ]; then
        version=$("$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
    fi
    version=${version#1.}
    echo "${version%%[!0-9]*}"
}

# Prints the home of a Java 21 or newer and returns 0, or returns 1. With --jdk it must have javac too and is
# looked for in JAVA_HOME, then the Temurin 25 the benchmarks were measured on, then /usr/lib/jvm/*. Without,
# any runtime will do: JAVA_HOME, then the `java` on PATH, then /usr/lib/jvm/*.
find_java() {
    local tool=java candidates=("${JAVA_HOME:-}") candidate on_path
    if [ "${1:-}" = --jdk ]; then
        tool=javac
        candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64)
    elif on_path=$(command -v java 2>/dev/null); then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$on_path")")")")
    fi
    for candidate in "${candidates[@]}" /usr/lib/jvm/*; do
        if [ -n "$candidate" ] && [ -x "$candidate/bin/$tool" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# What find_java looked at, for an error message: "JAVA_HOME=/x (Java 17), /usr/bin/java (Java 17), ".
java_candidates_seen() {
    local seen="" on_path
    [ -n "${JAVA_HOME:-}" ] && seen="JAVA_HOME=$JAVA_HOME ($(java_described "$JAVA_HOME")), "
    if on_path=$(command -v java 2>/dev/null); then
        seen+="$on_path ($(java_described "$(dirname "$(dirname "$(readlink -f "$on_path")")")")), "
    fi
    echo "${seen:-no JAVA_HOME and no java on PATH, }"
}

java_described() {
    local major
    major=$(java_major "$1")
    if [ -n "$major" ]; then echo "Java $major"; else echo "no Java there"; fi
}

# JDK 24+ warns on stderr the first time a library calls sun.misc.Unsafe's memory methods (Maven's Guice and
# Guava do; chat's own jars do not); the option that allows them quietly exists from JDK 23 on. $1: a Java home.
unsafe_flags() {
    if [ "$(java_major "$1")" -ge 23 ] 2>/dev/null; then
        echo "--sun-misc-unsafe-memory-access=allow"
    fi
}

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
# and the AOT cache when there is one for jar $1, unless $2 is --no-aot. The young generation is capped at 48 MB:
# by default it is a third of the initial heap (1/64 of RAM, ~125 MB here), and a server touches all of it in
# its first minute and keeps it resident for good; the cap took 10,000 idle connections from ~296 to ~230 MB of
# RSS, for ~0.25 µs more GC per chat at 20,000/s (two and a half times as many young collections, each
# shorter). The initial heap itself stays the JVM's default: -Xms32m also shrinks the old generation but costs
# ~7% more CPU per chat under load; CHAT_JAVA_OPTS="-Xms32m" chooses it, and a later -XX:MaxNewSize or -Xmn
# there overrides the cap.
server_flags() {
    local flags="-XX:+ExitOnOutOfMemoryError -XX:MaxNewSize=48m"
    if [ "$(java_major "$JAVA_HOME")" -ge 22 ] 2>/dev/null; then
        flags+=" -XX:TrimNativeHeapInterval=10000"
    fi
    [ "${2:-}" = --no-aot ] || flags+=" $(aot_flags "$1")"
    echo $flags
}

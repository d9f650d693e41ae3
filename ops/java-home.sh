# Sourced by the other scripts: exports JAVA_HOME as a JDK 21 or newer, installing one on Debian/Ubuntu
# when none is found, and makes sure Maven is there. The finding and the server's JVM flags (server_flags,
# aot_flags) live in java-lib.sh, which the release archive's launch scripts share.
source "$(dirname "${BASH_SOURCE[0]}")/java-lib.sh"

apt_install() {
    if [ -z "${CHAT_APT_UPDATED:-}" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        export CHAT_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! JAVA_HOME=$(find_java --jdk); then
    echo "no JDK 21+ found; installing one" >&2
    apt_install openjdk-21-jdk-headless || apt_install openjdk-25-jdk-headless
    JAVA_HOME=$(find_java --jdk) || { echo "could not find or install a JDK 21+; set JAVA_HOME" >&2; exit 1; }
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
command -v mvn >/dev/null || apt_install maven
# Maven's own libraries trip JDK 24+'s sun.misc.Unsafe warning on every run; .mvn/jvm.config cannot hold the
# option that silences it, since JDK 21 refuses to start with it.
if [ -n "$(unsafe_flags "$JAVA_HOME")" ] && [[ " ${MAVEN_OPTS:-} " != *" $(unsafe_flags "$JAVA_HOME") "* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }$(unsafe_flags "$JAVA_HOME")"
fi

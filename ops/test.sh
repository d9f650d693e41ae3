#!/usr/bin/env bash
# The whole test suite: installs and starts what it needs (JDK 21+, Maven, MariaDB, Redis, nginx, openssl,
# Chromium), then builds every module and runs every test. Exit status is Maven's.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
source ops/services.sh
ensure_mariadb
ensure_redis
ensure_nginx
ensure_chromium
ensure_openssl
echo "JDK: $JAVA_HOME"
mvn -B -ntp verify "$@"

# Sourced: makes sure MariaDB (127.0.0.1:3306, root without password), Redis (127.0.0.1:6379), nginx with
# its stream module, openssl (for ops/make-dev-cert.sh) and headless Chromium with its WebDriver (for the web
# client's tests) are installed and the two services running. Installs from Debian's packages when missing.

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_port() {
    local port=$1 tries=60
    until port_open "$port"; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || { echo "nothing listens on 127.0.0.1:$port" >&2; return 1; }
        sleep 0.5
    done
}

ensure_redis() {
    command -v redis-server >/dev/null || apt_install redis-server
    if ! port_open 6379; then
        echo "starting redis on 127.0.0.1:6379"
        mkdir -p /var/lib/redis /var/log/redis
        redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
            --dir /var/lib/redis --logfile /var/log/redis/ci.log
        wait_port 6379
    fi
}

ensure_mariadb() {
    command -v mariadbd >/dev/null || apt_install mariadb-server mariadb-client
    if ! port_open 3306; then
        echo "starting mariadb on 127.0.0.1:3306"
        mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
        start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
        wait_port 3306
    fi
    # A fresh Debian install lets root in only over the unix socket; the tests log in over TCP.
    if ! mysql -h127.0.0.1 -uroot -e 'SELECT 1' >/dev/null 2>&1; then
        mysql -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket"
    fi
}

ensure_nginx() {
    if ! command -v nginx >/dev/null || ! ls /usr/lib/nginx/modules/ngx_stream_module.so >/dev/null 2>&1; then
        echo "installing nginx with the stream module"
        apt_install nginx libnginx-mod-stream
    fi
}

# Chromium and chromedriver for the browser tests (Selenium drives them headless), and fonts with Chinese
# characters and emoji, so the tests' screenshots show the chats as a user would see them.
ensure_chromium() {
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        echo "installing chromium and chromium-driver"
        apt_install chromium chromium-driver
    fi
    if ! fc-list 2>/dev/null | grep -qi 'CJK\|WenQuanYi'; then
        apt_install fonts-wqy-zenhei fonts-noto-color-emoji || echo "no CJK fonts: screenshots show boxes for Chinese"
    fi
}

ensure_openssl() {
    command -v openssl >/dev/null || apt_install openssl
}

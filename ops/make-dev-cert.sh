#!/usr/bin/env bash
# Makes a self-signed certificate authority and a server certificate it signs, for trying TLS on this machine:
# the server certificate names localhost, 127.0.0.1 and ::1, so clients that check names (ours does) accept it
# when they trust the CA.
#
#   ops/make-dev-cert.sh [--force] [DIR]        # DIR defaults to run/tls in the repository
#
# Writes, in DIR:
#   ca.crt       the CA's certificate: what clients trust (chat-client --tls --ca DIR/ca.crt)
#   ca.key       the CA's key (only needed to sign another server certificate)
#   server.crt   the server's certificate (nginx ssl_certificate, chat-server --tls-cert)
#   server.key   its key, unencrypted PKCS#8 (nginx ssl_certificate_key, chat-server --tls-key), mode 600
# An existing set is kept unless --force. For a real deployment use a certificate from your CA instead.
set -euo pipefail
force=0
if [ "${1:-}" = --force ]; then
    force=1
    shift
fi
dir=${1:-$(cd "$(dirname "$0")/.." && pwd)/run/tls}
command -v openssl >/dev/null || { echo "make-dev-cert: openssl is missing (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$dir"
if [ "$force" = 0 ] && [ -s "$dir/server.crt" ] && [ -s "$dir/server.key" ] && [ -s "$dir/ca.crt" ]; then
    echo "make-dev-cert: keeping the certificates in $dir (--force makes new ones)"
    exit 0
fi
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# P-256 keys: small, fast, and read by every TLS stack involved (JDK, nginx/OpenSSL). genpkey writes PKCS#8.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/ca.key" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/server.key" 2>/dev/null

cat >"$work/ca.ext" <<'EXT'
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EXT
cat >"$work/server.ext" <<'EXT'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EXT

# Signed through CSRs with -extfile, which OpenSSL 1.1 and 3 both understand.
openssl req -new -key "$work/ca.key" -subj "/CN=chat development CA" -out "$work/ca.csr"
openssl x509 -req -in "$work/ca.csr" -signkey "$work/ca.key" -days 825 -sha256 \
    -extfile "$work/ca.ext" -out "$work/ca.crt" 2>/dev/null
openssl req -new -key "$work/server.key" -subj "/CN=localhost" -out "$work/server.csr"
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.crt" -CAkey "$work/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
    -days 397 -sha256 -extfile "$work/server.ext" -out "$work/server.crt" 2>/dev/null
openssl verify -CAfile "$work/ca.crt" "$work/server.crt" >/dev/null

install -m 600 "$work/ca.key" "$work/server.key" "$dir/"
install -m 644 "$work/ca.crt" "$work/server.crt" "$dir/"
echo "make-dev-cert: wrote $dir/{ca.crt,ca.key,server.crt,server.key} (localhost, 127.0.0.1, ::1; valid 397 days)"

#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on a loopback port, with TLS offered and a
# password only in a pgpass file.
#   postgres-cluster.sh start DIR   prints the lines to `eval` (NGOMATCH_TEST_POSTGRES, PGPASSFILE)
#   postgres-cluster.sh stop DIR    stops it and removes DIR
# As root the server runs as Debian's `postgres` user: initdb refuses root. The tests' cluster
# skips fsync; FSYNC=on keeps it, for timings that compare fairly with SQLite's.
set -euo pipefail
action=${1:?start or stop}; dir=${2:?a directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL's server is not installed (apt-get install postgresql)" >&2; exit 1; }
as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case $action in
start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$password" > "$dir/password"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir/password"
    as "$bin/initdb" -D "$dir/data" -U ngomatch --pwfile="$dir/password" --auth=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    rm -f "$dir/password"
    # A self-signed certificate, so that sslmode=require has something to require.
    as openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
        -keyout "$dir/data/server.key" -out "$dir/data/server.crt" 2>/dev/null
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c ssl=on -c fsync=${FSYNC:-off} -c max_connections=200" >/dev/null
    pgpass="$dir/pgpass"
    printf '127.0.0.1:%s:*:ngomatch:%s\n' "$port" "$password" > "$pgpass"
    chmod 600 "$pgpass"
    echo "export NGOMATCH_TEST_POSTGRES=postgres://ngomatch@127.0.0.1:$port/postgres"
    echo "export PGPASSFILE=$pgpass"
    ;;
stop)
    if [ -d "$dir/data" ]; then as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
*) echo "start or stop" >&2; exit 2 ;;
esac

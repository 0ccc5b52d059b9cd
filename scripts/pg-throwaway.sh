#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for trying workers and for the benchmarks (the tests start their own):
#   scripts/pg-throwaway.sh start DIR PORT   → initdb into DIR (trust auth, loopback only), start it, create db `newsdesk`
#   scripts/pg-throwaway.sh stop DIR         → stop it (DIR stays; remove it yourself)
# Then: --db postgres://postgres@127.0.0.1:PORT/newsdesk. As root the server runs as the `postgres` user.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "pg-throwaway: no PostgreSQL binaries (run scripts/setup.sh)" >&2; exit 1; }
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
case "${1:-}" in
  start)
    dir=${2:?DIR}; port=${3:?PORT}
    mkdir -p "$dir"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"; chmod 700 "$dir"
    [ -f "$dir/data/PG_VERSION" ] || "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = 'newsdesk'" | grep -q 1 \
      || "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE newsdesk"
    echo "postgres://postgres@127.0.0.1:$port/newsdesk" ;;
  stop)
    "${as[@]}" "$bin/pg_ctl" -D "${2:?DIR}/data" -m fast -w stop >/dev/null ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 64 ;;
esac

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on a free loopback port:
#   scripts/pg-test.sh start   installs Debian's postgresql when missing, initdb in a temporary folder, starts it,
#                              creates the database ogi_test and prints its URL (also written to $OGI_PG_DIR/url)
#   scripts/pg-test.sh stop    stops the cluster and removes the folder
# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user (created by the package).
set -euo pipefail
dir=${OGI_PG_DIR:-/tmp/ogi-pg-test}

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
  if [ -z "$(bindir)" ]; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
    echo "pg-test: installing postgresql" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  bin=$(bindir)
  [ -n "$bin" ] || { echo "pg-test: no PostgreSQL binaries after installing" >&2; exit 1; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home postgres; fi
  if [ -f "$dir/data/postmaster.pid" ]; then "$0" stop || true; fi
  rm -rf "$dir" && mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port=""
  for p in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
  done
  [ -n "$port" ] || { echo "pg-test: no free port in 55432-55532" >&2; exit 1; }
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U ogi -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U ogi ogi_test
  url="postgres://ogi@127.0.0.1:$port/ogi_test"
  echo "$url" > "$dir/url"
  echo "$url"
  ;;
stop)
  bin=$(bindir)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

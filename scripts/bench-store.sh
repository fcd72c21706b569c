#!/usr/bin/env bash
# The database benchmark of the README: N synthetic reports (default 100000) parsed alone, then ingested into SQLite
# and into PostgreSQL in the same run, and each database measured (size per report, a stats-sized read, one series).
# Each ingest is measured as CPU time (user + system; on shared cores wall time measures the other programs' load),
# one parsing thread (-j 1); PostgreSQL's own CPU time is read from /proc when the cluster is the script's own.
# Storing costs (ingest CPU − parse-only CPU) ÷ parse-only CPU. ogi runs pinned to one core (taskset; the script's own
# cluster to the other one, when there are two), as the README's figures were taken.
#   scripts/bench-store.sh [N] [postgres://… admin URL; default: a throwaway cluster from scripts/pg-test.sh]
#   OGI_BENCH_CORPUS=DIR: an `ogi synth --count N --seed 11` folder made before (the synth takes minutes), used as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=$(mktemp -d /tmp/ogi-bench-XXXXXX)
chmod 755 "$work" # as root the throwaway cluster under it belongs to the postgres user, who must reach it
trap 'rm -rf "$work"' EXIT
# Published as ./run.sh publishes it (ReadyToRun, into bin/ogi), so that `ogi stats` is timed as a user runs it.
dotnet publish src/Ogi.Cli -c Release --use-current-runtime -o bin/ogi -nologo -v quiet >/dev/null
pin=(); server_core=""
if command -v taskset >/dev/null; then pin=(taskset -c 0); [ "$(nproc)" -ge 2 ] && server_core=1; fi
# ogi as a command line (pinned), not only as a function: /usr/bin/time runs programs, not shell functions.
ogi_cmd=("${pin[@]}" dotnet bin/ogi/ogi.dll)
ogi() { "${ogi_cmd[@]}" "$@"; }
# CPU seconds of an ogi command (user + system), printed after its last output line.
cpu() { /usr/bin/time -f "%U %S" -o "$work/time" "${ogi_cmd[@]}" "$@" 2>&1 | tail -1; awk '{printf "%.2f\n", $1 + $2}' "$work/time"; }
# CPU seconds of the script's own PostgreSQL cluster: live processes and the exited backends the postmaster reaped.
pgcpu() {
  local pid; pid=$(head -1 "${OGI_PG_DIR:-/nonexistent}/data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  local t; t=$(awk '{print $14+$15+$16+$17}' "/proc/$pid/stat")
  for c in $(pgrep -P "$pid"); do t=$((t + $(awk '{print $14+$15}' "/proc/$c/stat"))); done
  echo "scale=2; $t / $(getconf CLK_TCK)" | bc
}
if [ $# -ge 2 ]; then admin=$2; else
  export OGI_PG_DIR=$work/pg
  admin=$(./scripts/pg-test.sh start)
  trap './scripts/pg-test.sh stop; rm -rf "$work"' EXIT
  if [ -n "$server_core" ]; then
    pid=$(head -1 "$OGI_PG_DIR/data/postmaster.pid")
    for p in $pid $(pgrep -P "$pid"); do taskset -p -c "$server_core" "$p" >/dev/null; done # backends forked later inherit it
  fi
fi
corpus=${OGI_BENCH_CORPUS:-$work/corpus}
[ -n "${OGI_BENCH_CORPUS:-}" ] || ogi synth --count "$n" --out "$corpus" --seed 11 2>&1 | tail -1
echo "== parse only"; parse=$(cpu ingest "$corpus" --dry-run -j 1 | tee -a /dev/stderr | tail -1)
echo "parse only: $parse s CPU"
ratio() { echo "storing: $(echo "scale=2; ($1 - $parse) / $parse" | bc) × parsing (ingest $1 s CPU, parse only $parse s)"; }
# `ogi stats` as a user runs it: a whole process, first run included (runtime start, JIT, opening the database).
stats() { /usr/bin/time -f "ogi stats, two fields by province, every report: %e s (the whole process; %U s user + %S s system CPU)" \
  "${ogi_cmd[@]}" stats applications.new.total applications.carried_over.total --by province --db "$1" >/dev/null; }
echo "== SQLite"; ratio "$(cpu ingest "$corpus" --db "$work/bench.db" -j 1 | tee -a /dev/stderr | tail -1)"
ogi bench-store --db "$work/bench.db"; stats "$work/bench.db"
pg=${admin%/*}/ogi_bench
psql -q "$admin" -c "DROP DATABASE IF EXISTS ogi_bench" -c "CREATE DATABASE ogi_bench"
server=$(pgcpu)
echo "== PostgreSQL"; client=$(cpu ingest "$corpus" --db "$pg" -j 1 | tee -a /dev/stderr | tail -1)
server=$(echo "$(pgcpu) - $server" | bc)
echo "ogi $client s CPU, the server $server s (0 when the cluster is not the script's own)"; ratio "$(echo "$client + $server" | bc)"
ogi bench-store --db "$pg"; stats "$pg"

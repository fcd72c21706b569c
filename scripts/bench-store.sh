#!/usr/bin/env bash
# The database benchmark of the README: N synthetic reports (default 100000) parsed alone, then ingested into SQLite
# and into PostgreSQL in the same run, and each database measured (size per report, a stats-sized read, one series).
#   scripts/bench-store.sh [N] [postgres://… admin URL; default: a throwaway cluster from scripts/pg-test.sh]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=$(mktemp -d /tmp/ogi-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build src/Ogi.Cli -c Release -nologo -v quiet >/dev/null
ogi() { dotnet src/Ogi.Cli/bin/Release/net10.0/ogi.dll "$@"; }
if [ $# -ge 2 ]; then admin=$2; else
  export OGI_PG_DIR=$work/pg
  admin=$(./scripts/pg-test.sh start)
  trap './scripts/pg-test.sh stop; rm -rf "$work"' EXIT
fi
ogi synth --count "$n" --out "$work/corpus" --seed 11 2>&1 | tail -1
echo "== parse only"; ogi ingest "$work/corpus" --dry-run 2>&1 | tail -1
# `ogi stats` as a user runs it: a whole process, first run included (runtime start, JIT, opening the database).
stats() { /usr/bin/time -f "ogi stats, two fields by province, every report: %e s (the whole process)" \
  dotnet src/Ogi.Cli/bin/Release/net10.0/ogi.dll stats applications.new.total applications.carried_over.total --by province --db "$1" >/dev/null; }
echo "== SQLite"; ogi ingest "$work/corpus" --db "$work/bench.db" 2>&1 | tail -1; ogi bench-store --db "$work/bench.db"; stats "$work/bench.db"
pg=${admin%/*}/ogi_bench
psql -q "$admin" -c "DROP DATABASE IF EXISTS ogi_bench" -c "CREATE DATABASE ogi_bench"
echo "== PostgreSQL"; ogi ingest "$work/corpus" --db "$pg" 2>&1 | tail -1; ogi bench-store --db "$pg"; stats "$pg"

#!/usr/bin/env bash
# The web application's load test of the README: a database of N synthetic reports (default 100000; kept, and reused
# when it exists) served by `ogi bench-web`'s own server on loopback, and a bounded client (C clients, each waiting
# for its answer) on the same 2 cores, measuring the report page, a filtered corpus page, the dashboard and the API.
#   scripts/bench-web.sh [N] [DB file; default /tmp/ogi-bench-web-N.db] [extra bench-web options, e.g. --clients 16]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
db=${2:-/tmp/ogi-bench-web-$n.db}
shift $(( $# < 2 ? $# : 2 ))
dotnet build src/Ogi.Cli -c Release -nologo -v quiet >/dev/null
ogi() { dotnet src/Ogi.Cli/bin/Release/net10.0/ogi.dll "$@"; }
if [ ! -s "$db" ]; then
  corpus=$(mktemp -d /tmp/ogi-bench-web-corpus-XXXXXX)
  trap 'rm -rf "$corpus"' EXIT
  ogi synth --count "$n" --out "$corpus" --seed 11 2>&1 | tail -1
  ogi ingest "$corpus" --db "$db" 2>&1 | tail -1
fi
ogi bench-web --db "$db" --seconds 30 --warmup 10 "$@"

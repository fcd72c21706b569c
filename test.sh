#!/usr/bin/env bash
# Runs every test: unit tests, the gold files of the seeds and corpus, layout/encoding variants, the command line.
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh || exit 1
# The store tests run against SQLite and against a throwaway PostgreSQL cluster on a loopback port. In CI a cluster
# that cannot start makes the PostgreSQL tests fail (they are not skipped); elsewhere they are skipped, with a message.
export OGI_PG_DIR=${OGI_PG_DIR:-$(mktemp -d -u /tmp/ogi-pg-XXXXXX)}
if OGI_TEST_PG=$(./scripts/pg-test.sh start); then
  export OGI_TEST_PG
  trap './scripts/pg-test.sh stop' EXIT
else
  echo "test.sh: PostgreSQL could not be started; its tests $([ "${CI:-}" = true ] && echo fail || echo are skipped)" >&2
fi
log=$(mktemp)
dotnet test Ogi.slnx -c Release -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${passed:-0}" -eq 0 ]; then exit 1; fi
exit "$status"

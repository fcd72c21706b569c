#!/usr/bin/env bash
# Builds ogi and ingests the sample reports (../shared/seeds and ../shared/corpus) into ogi.db, then prints the
# agencies and a stats table from the database. Pass other files or folders to ingest those instead.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
# Published where `dotnet build` puts it, precompiled (ReadyToRun) for this machine: see README "Speed and memory".
dotnet publish src/Ogi.Cli -c Release --use-current-runtime -o src/Ogi.Cli/bin/Release/net10.0 -nologo -v quiet
ogi() { dotnet src/Ogi.Cli/bin/Release/net10.0/ogi.dll "$@"; }
if [ $# -gt 0 ]; then targets=("$@"); else targets=(../shared/seeds ../shared/corpus); fi
ogi ingest "${targets[@]}" || true
echo "== ogi agencies"
ogi agencies
echo "== ogi stats"
ogi stats applications.new.total applications.granted.total --by province

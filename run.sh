#!/usr/bin/env bash
# Builds ogi and ingests the sample reports (../shared/seeds and ../shared/corpus) into ogi.db, then prints the
# agencies and a stats table from the database. Pass other files or folders to ingest those instead.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
# Published precompiled for this machine into bin/ogi: self-contained, .NET and ogi in one composite ReadyToRun image
# (src/Ogi.Cli/Ogi.Cli.csproj; README "Speed and memory"; a few minutes on two cores). Not where
# `dotnet build` puts it: a published, runtime-specific ogi.deps.json there would be copied into the tests' folder,
# where the native SQLite library is not where it says.
dotnet publish src/Ogi.Cli -c Release --use-current-runtime -o bin/ogi -nologo -v quiet
ogi() { dotnet bin/ogi/ogi.dll "$@"; }
if [ $# -gt 0 ]; then targets=("$@"); else targets=(../shared/seeds ../shared/corpus); fi
ogi ingest "${targets[@]}" || true
echo "== ogi agencies"
ogi agencies
echo "== ogi stats"
ogi stats applications.new.total applications.granted.total --by province

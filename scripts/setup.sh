#!/usr/bin/env bash
# Makes a fresh machine ready for ogi: checks the .NET 10 SDK (part of the machine image) and restores the NuGet
# packages. The parse engine needs nothing else; later parts (PDF, database, web) add their installs here.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "setup: the .NET 10 SDK is required (dotnet on PATH); see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi
dotnet restore Ogi.slnx -nologo -v quiet >/dev/null

#!/usr/bin/env bash
# Bundles Apache ECharts (the dashboard's charts) into the web application's own static files: fetches the npm
# package echarts, checks it against the registry's integrity, and copies dist/echarts.min.js with its LICENSE and
# NOTICE into src/Ogi.Web/wwwroot/echarts/ (served as /static/echarts/echarts.min.js; no CDN). The copied files are
# committed, so a fresh clone builds and serves the dashboard without npm. Requires node and npm; installs nothing
# outside a temporary folder.
#
# Usage: scripts/update-echarts.sh
set -euo pipefail

ECHARTS_VERSION="6.1.0"
# npm registry "dist.integrity" of echarts-6.1.0.tgz; bump together with the version.
ECHARTS_INTEGRITY="sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA=="

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo_root/src/Ogi.Web/wwwroot/echarts"

tmp_dir="$(mktemp -d)"
trap 'rm -rf "$tmp_dir"' EXIT

source "$repo_root/scripts/npm-pack-verified.sh"
npm_pack_verified echarts "$ECHARTS_VERSION" "$ECHARTS_INTEGRITY" "$tmp_dir" \
  package/dist/echarts.min.js package/LICENSE package/NOTICE
pkg_dir="$tmp_dir/package"

mkdir -p "$out_dir"
cp "$pkg_dir/dist/echarts.min.js" "$out_dir/echarts.min.js"
cp "$pkg_dir/LICENSE" "$out_dir/LICENSE"
cp "$pkg_dir/NOTICE" "$out_dir/NOTICE"
echo "echarts $ECHARTS_VERSION" > "$out_dir/VERSION"
echo "wrote $out_dir: echarts.min.js ($(wc -c < "$out_dir/echarts.min.js") bytes) of echarts $ECHARTS_VERSION, LICENSE, NOTICE"

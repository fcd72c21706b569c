#!/usr/bin/env bash
# Regenerates src/Ogi/Normalize/Data/t2s-characters.txt (Traditional -> Simplified,
# single character) from the OpenCC dictionary data shipped in the npm package
# opencc-js. Requires node and npm; installs nothing.
#
# Usage: scripts/update-opencc.sh
set -euo pipefail

OPENCC_JS_VERSION="1.4.2"
# npm registry "dist.integrity" of opencc-js-1.4.2.tgz; bump together with the version.
OPENCC_JS_INTEGRITY="sha512-EdcspgdROiCCZDM+jZR6Pa670xW+EW2QhctPBQ8gRjg6lrx4IHEl+2s+kt5izk/TkxVRgdWuFgaGkaEdIUfdaw=="

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_file="$repo_root/src/Ogi/Normalize/Data/t2s-characters.txt"

tmp_dir="$(mktemp -d)"
trap 'rm -rf "$tmp_dir"' EXIT

(
  cd "$tmp_dir"
  npm pack "opencc-js@${OPENCC_JS_VERSION}" --silent >/dev/null
)
tarball="$tmp_dir/opencc-js-${OPENCC_JS_VERSION}.tgz"
if [[ ! -f "$tarball" ]]; then
  echo "error: npm pack did not produce $tarball" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$tmp_dir"
pkg_dir="$tmp_dir/package"

mkdir -p "$(dirname "$out_file")"

node - "$tarball" "$pkg_dir" "$out_file" "$OPENCC_JS_VERSION" "$OPENCC_JS_INTEGRITY" <<'NODE'
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const [tarball, pkgDir, outFile, version, integrity] = process.argv.slice(2);

const actual = 'sha512-' + crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64');
if (actual !== integrity) {
  console.error(`error: integrity mismatch for ${path.basename(tarball)}\n  expected ${integrity}\n  actual   ${actual}`);
  process.exit(1);
}
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'opencc-js' || pkg.version !== version) {
  console.error(`error: unexpected package ${pkg.name}@${pkg.version}`);
  process.exit(1);
}

// Each dict module is `export default "FROM TO [TO2 ...]|FROM TO|...";`
function loadDict(name) {
  const file = path.join(pkgDir, 'dist', 'esm-lib', 'dict', `${name}.js`);
  const src = fs.readFileSync(file, 'utf8');
  const m = src.match(/^\s*export\s+default\s+"([^"\\]*)"\s*;?\s*$/);
  if (!m) throw new Error(`unexpected format in ${file}`);
  return m[1].split('|').filter(e => e.length > 0).map(e => {
    const parts = e.split(' ').filter(p => p.length > 0);
    if (parts.length < 2) throw new Error(`malformed entry ${JSON.stringify(e)} in ${name}`);
    return { from: parts[0], to: parts[1] }; // first TO is the preferred one
  });
}

// Exactly one UTF-16 code unit that is not a surrogate.
const isSingleBmp = s => s.length === 1 && (s.charCodeAt(0) < 0xD800 || s.charCodeAt(0) > 0xDFFF);

const stats = {};
const skip = (table, reason) => {
  const key = `${table}: ${reason}`;
  stats[key] = (stats[key] || 0) + 1;
};

const result = new Map();

// 1. TSCharacters: authoritative Traditional -> Simplified character table.
const ts = loadDict('TSCharacters');
const tsMap = new Map();
for (const { from, to } of ts) {
  if (!tsMap.has(from)) tsMap.set(from, to);
}
for (const [from, to] of tsMap) {
  if (!isSingleBmp(from) || !isSingleBmp(to)) { skip('TSCharacters', 'FROM or TO not a single BMP code unit'); continue; }
  if (from === to) { skip('TSCharacters', 'FROM == TO'); continue; }
  result.set(from, to);
}

// 2. Regional variant tables (regional variant -> OpenCC standard traditional form).
//    OpenCC's tw2s/hk2s chains apply these BEFORE TSCharacters, so the standard form
//    is passed through TSCharacters to obtain the simplified target
//    (e.g. 衞 -> 衛 -> 卫). Without that, entries such as 温 -> 溫 or 台 -> 臺 would
//    map simplified characters to traditional ones. TSCharacters wins where both
//    tables have the same FROM; between the two variant tables the first listed wins.
const tsTargets = new Set(tsMap.values());
const SIMPLIFIED_KEEP = new Set(['著']);
for (const table of ['TWVariantsRev', 'HKVariantsRev']) {
  for (const { from, to } of loadDict(table)) {
    if (tsMap.has(from)) { skip(table, 'FROM already mapped by TSCharacters'); continue; }
    if (result.has(from)) {
      if (result.get(from) !== (tsMap.get(to) ?? to)) {
        console.error(`note: ${table} ${from} -> ${to} conflicts with an earlier variant table; kept ${result.get(from)}`);
      }
      skip(table, 'FROM already mapped by an earlier variant table');
      continue;
    }
    const target = tsMap.get(to) ?? to;
    if (!isSingleBmp(from) || !isSingleBmp(target)) { skip(table, 'FROM or TO not a single BMP code unit'); continue; }
    if (from === target) { skip(table, 'FROM == TO after TSCharacters (simplified form is the FROM itself)'); continue; }
    // A FROM that is itself a standard simplified character (么 of 什么, 著 of 著作) must stay as it is:
    // ogi folds simplified text too, and these variant entries would corrupt it.
    if (tsTargets.has(from) || SIMPLIFIED_KEEP.has(from)) { skip(table, 'FROM is a standard simplified character'); continue; }
    result.set(from, target);
  }
}

const lines = [...result]
  .sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0))
  .map(([from, to]) => `${from}\t${to}`);

const header = [
  `# Generated by scripts/update-opencc.sh from opencc-js ${version} (OpenCC dictionary data, Apache License 2.0, see THIRD-PARTY-NOTICES.md).`,
  '# Do not edit by hand; re-run the script instead. Tables used: TSCharacters, TWVariantsRev, HKVariantsRev.',
  '# Format: FROM<TAB>TO, one Traditional/variant -> Simplified mapping per line,',
  '# single BMP characters only, sorted by FROM code point.',
];

fs.writeFileSync(outFile, header.join('\n') + '\n' + lines.join('\n') + '\n', 'utf8');

for (const [k, v] of Object.entries(stats)) console.error(`skipped ${v} (${k})`);
console.error(`wrote ${lines.length} mappings to ${outFile}`);
NODE

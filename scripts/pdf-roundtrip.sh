#!/usr/bin/env bash
# PDFs of two producers parsed back against their gold, and scans of them OCR'd:
#   LibreOffice: `ogi synth --layouts docx`, converted by `soffice --headless --convert-to pdf`
#   Chromium:    `ogi synth --layouts html`, printed by `chromium --headless --print-to-pdf`
#   scanned:     some of those PDFs rasterised at 150 dpi (pdftoppm, JPEG at varying quality), every third
#                page turned by a degree, put back into a PDF by Chromium; parsed by OCR (tesseract)
# Prints the score line of each set (../shared/tools/score) and, for the scans, the cells wrong and how many of
# them went unflagged (confidence 1 and no finding naming the field).
#   scripts/pdf-roundtrip.sh [DOCX_COUNT=200] [HTML_COUNT=200] [SCAN_COUNT=50] [WORK=/tmp/ogi-pdf-roundtrip]
set -euo pipefail
cd "$(dirname "$0")/.."
docx=${1:-200} html=${2:-200} scans=${3:-50} work=${4:-/tmp/ogi-pdf-roundtrip}
shared=${OGI_SHARED:-../shared}
ogi() { dotnet src/Ogi.Cli/bin/Release/net10.0/ogi.dll "$@"; }
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$chrome" ] || { echo "pdf-roundtrip: chromium is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
dotnet build src/Ogi.Cli -c Release -nologo -v q >/dev/null
rm -rf "$work"; mkdir -p "$work"/{lo,chromium,scan}/{src,pdf,gold,pred}
print() { # IN.html OUT.pdf
  "$chrome" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$work/chrome-profile" \
    --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}

ogi synth --count "$docx" --out "$work/lo/src" --seed 1501 --layouts docx
mv "$work"/lo/src/*.json "$work/lo/gold/"
( cd "$work/lo/src" && soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir ../pdf ./*.docx >/dev/null 2>&1 )
ogi synth --count "$html" --out "$work/chromium/src" --seed 1502 --layouts html
mv "$work"/chromium/src/*.json "$work/chromium/gold/"
for f in "$work"/chromium/src/*.html; do n=$(basename "$f" .html); print "$f" "$work/chromium/pdf/$n.pdf"; done

for set in lo chromium; do
  start=$(date +%s.%N)
  ogi parse "$work/$set/pdf" --out "$work/$set/pred" >/dev/null || true   # a file it cannot read is scored as missing
  echo "$set: parsed in $(echo "$(date +%s.%N) - $start" | bc) s"
  "$shared/tools/score" --gold "$work/$set/gold" --pred "$work/$set/pred" | tail -1 | sed "s/^/$set: /"
done

# Scans: every other report from each producer, up to SCAN_COUNT.
i=0
for pdf in $(ls "$work"/lo/pdf/*.pdf | head -$((scans / 2))) $(ls "$work"/chromium/pdf/*.pdf | head -$((scans - scans / 2))); do
  n=$(basename "$pdf" .pdf); d="$work/scan/src/$n"; mkdir -p "$d"
  quality=$(( 35 + (i * 13) % 60 ))
  pdftoppm -r 150 -jpeg -jpegopt "quality=$quality" "$pdf" "$d/p"
  turn=0; [ $((i % 3)) -eq 0 ] && turn=$(( i % 2 == 0 ? 1 : -1 ))
  read -r w h < <(pdfinfo "$pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1 \2/p')
  { echo "<html><head><style>@page{size:${w}pt ${h}pt;margin:0} body{margin:0} img{width:${w}pt;height:${h}pt;display:block;page-break-after:always;transform:rotate(${turn}deg)}</style></head><body>"
    for p in "$d"/p-*.jpg; do echo "<img src=\"$(basename "$p")\">"; done
    echo "</body></html>"; } > "$d/scan.html"
  print "$d/scan.html" "$work/scan/pdf/$n.pdf"
  set_dir=lo; [ -f "$work/chromium/gold/$n.json" ] && set_dir=chromium
  cp "$work/$set_dir/gold/$n.json" "$work/scan/gold/"
  i=$((i + 1))
done
start=$(date +%s.%N)
ogi parse "$work/scan/pdf" --out "$work/scan/pred" >/dev/null || true
echo "scan: parsed in $(echo "$(date +%s.%N) - $start" | bc) s"
"$shared/tools/score" --gold "$work/scan/gold" --pred "$work/scan/pred" | tail -1 | sed "s/^/scan: /"
python3 - "$work/scan" <<'PY'
import json, os, sys
root = sys.argv[1]
cells = wrong = unflagged = 0
for name in sorted(os.listdir(f"{root}/gold")):
    gold = json.load(open(f"{root}/gold/{name}"))
    try: pred = json.load(open(f"{root}/pred/{name}"))
    except FileNotFoundError: pred = {"values": {}, "cells": [], "findings": []}
    conf = {c["field"]: c["confidence"] for c in pred.get("cells", [])}
    named = {f for x in pred.get("findings", []) for f in x.get("fields", [])}
    unread = any(x["rule"] == "U1" for x in pred.get("findings", []))
    for field, want in gold["values"].items():
        cells += 1
        got = pred.get("values", {}).get(field, "missing")
        if got == want or (isinstance(got, (int, float)) and isinstance(want, (int, float)) and abs(got - want) < 1e-9): continue
        wrong += 1
        if got == "missing": unflagged += 0 if unread else 1
        elif conf.get(field, 1) >= 1 and field not in named: unflagged += 1
print(f"scan: cells {cells - wrong}/{cells} right ({100 * (cells - wrong) / max(cells, 1):.2f}%), wrong {wrong}, "
      f"wrong and unflagged {unflagged} ({100 * unflagged / max(wrong, 1):.1f}% of wrong)")
PY

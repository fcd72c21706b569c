#!/usr/bin/env bash
# Makes a fresh machine ready for ogi: checks the .NET 10 SDK (part of the machine image), installs the Debian
# packages the tests use, and restores the NuGet packages.
#   libreoffice-writer-nogui  opens the Word files `ogi render`/`ogi synth` write and converts them to PDF (a test)
#   libreoffice-calc-nogui    opens the XLSX `ogi export` writes and converts a sheet to CSV (a test)
#   poppler-utils             pdftotext, to read that PDF back
#   fonts-noto-cjk            Chinese glyphs in the PDF
#   tesseract-ocr, -chi-sim   OCR of scanned PDF reports (optional at run time; the tests read scans with it)
#   chromium                  prints web pages to PDF: the tests' second PDF producer and their scans
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "setup: the .NET 10 SDK is required (dotnet on PATH); see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family | grep -qi 'noto'; } || need+=(fonts-noto-cjk)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx chi_sim; } || need+=(tesseract-ocr-chi-sim)
{ command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; } || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
      echo "setup: ${need[*]} missing and not root (no sudo): install them with apt-get, then run again" >&2; exit 1
    fi
  fi
  echo "setup: installing ${need[*]}" >&2
  if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
         && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }; then
    echo "setup: apt-get could not install ${need[*]}" >&2; exit 1
  fi
fi
dotnet restore Ogi.slnx -nologo -v quiet >/dev/null

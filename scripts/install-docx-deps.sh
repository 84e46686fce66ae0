#!/usr/bin/env bash
# What the real-reader checks of the Word export need (npm run test:docx): LibreOffice Writer to open the .docx
# headless, poppler to read the PDF back, and CJK fonts to draw it. Debian packages; idempotent (a no-op when
# all are there). Run as root or with sudo.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
if have soffice && have pdfinfo && have pdftotext && have pdftoppm && [ -n "$(fc-list 'Noto Serif CJK SC' family 2>/dev/null)" ]; then
  echo "[install-docx-deps] LibreOffice, poppler and Noto CJK are installed"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if have sudo; then sudo="sudo"; else echo "[install-docx-deps] run as root (or install sudo): apt-get is needed" >&2; exit 1; fi
fi
echo "[install-docx-deps] apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk >/dev/null
echo "[install-docx-deps] installed $(soffice --version 2>/dev/null | head -1)"

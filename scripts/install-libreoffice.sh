#!/usr/bin/env bash
# LibreOffice headless (Calc and Impress) for the export tests: a real client re-opens the Excel
# summary and the deck (soffice --headless --convert-to pdf). From Debian's packages; does nothing
# when it is already installed.
set -euo pipefail
if command -v soffice >/dev/null 2>&1 && dpkg -s libreoffice-calc-nogui libreoffice-impress-nogui >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Debian's LibreOffice (calc, impress; no GUI) for the export tests…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-calc-nogui libreoffice-impress-nogui >/dev/null
soffice --version

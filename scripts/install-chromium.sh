#!/usr/bin/env bash
# Headless Chromium for the browser tests, from Debian's packages (a browser download
# from the internet does not work here). Does nothing when it is already installed.
set -euo pipefail
# fonts-liberation: Arial's metrics, the charts' type (etl/figures/margins.py measures labels with them)
if command -v chromium >/dev/null 2>&1 && dpkg -s fonts-noto-color-emoji fonts-liberation >/dev/null 2>&1; then exit 0; fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Debian's chromium for the browser tests…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-dejavu-core fonts-liberation fonts-noto-color-emoji >/dev/null
chromium --version

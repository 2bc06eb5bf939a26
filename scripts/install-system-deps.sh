#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the browser tests, aspell dictionaries for the
# language checks, and the fonts the layout tests rely on (Chromium is installed without
# recommends, so it brings none: DejaVu Sans is the widest and the tests pin it; Liberation
# stands in for Arial/Helvetica, which the theme asks for first). Installs only what is
# missing; needs root (or sudo) the first time.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v aspell >/dev/null 2>&1 || missing+=(aspell)
aspell dicts 2>/dev/null | grep -qx cy || missing+=(aspell-cy)
aspell dicts 2>/dev/null | grep -qx en_GB || missing+=(aspell-en)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation2)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

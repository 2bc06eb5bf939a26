#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the browser tests, aspell dictionaries for the
# language checks. Installs only what is missing; needs root (or sudo) the first time.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v aspell >/dev/null 2>&1 || missing+=(aspell)
aspell dicts 2>/dev/null | grep -qx cy || missing+=(aspell-cy)
aspell dicts 2>/dev/null | grep -qx en_GB || missing+=(aspell-en)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

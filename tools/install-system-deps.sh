#!/usr/bin/env bash
# Installs the Debian libraries Qt needs (and the tools the tests use) when any is missing.
# Extra package names as arguments are installed too (`make bundle` adds what PyInstaller needs).
set -euo pipefail
packages=(libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6 libfontconfig1 libdbus-1-3
          libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          fonts-dejavu-core poppler-utils desktop-file-utils appstream "$@")
command -v dpkg >/dev/null 2>&1 || { echo "not a Debian system: install Qt's libraries by hand"; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# Ensure the Debian/Ubuntu system packages Drafter needs are installed.
# Usage: scripts/sysdeps.sh GROUP...   (groups: qt, xvfb, render, postgres)
# As root: installs what is missing with apt-get. Otherwise: prints the exact apt line and fails,
# except for the optional groups (render, postgres), whose absence only skips some tests.
set -u
declare -A GROUP_PKGS=(
  [qt]="libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3"
  [xvfb]="xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
  [render]="libreoffice-writer-nogui poppler-utils fonts-liberation2"
  [postgres]="postgresql"
)
OPTIONAL="render postgres"
command -v dpkg-query >/dev/null 2>&1 || { echo "sysdeps: not a Debian/Ubuntu system; install the Qt 6 runtime libraries yourself." >&2; exit 0; }
missing_required=(); missing_optional=()
for group in "$@"; do
  for pkg in ${GROUP_PKGS[$group]}; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      if [[ " $OPTIONAL " == *" $group "* ]]; then missing_optional+=("$pkg"); else missing_required+=("$pkg"); fi
    fi
  done
done
all=("${missing_required[@]}" "${missing_optional[@]}")
[ ${#all[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "sysdeps: installing ${all[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  if ! apt-get install -y -qq --no-install-recommends "${missing_required[@]}" "${missing_optional[@]}" >/tmp/drafter-apt.log 2>&1; then
    if [ ${#missing_required[@]} -gt 0 ]; then
      echo "sysdeps: apt-get failed; see /tmp/drafter-apt.log" >&2; exit 1
    fi
    echo "sysdeps: optional packages could not be installed (${missing_optional[*]}); some tests will be skipped." >&2
  fi
  exit 0
fi
if [ ${#missing_required[@]} -gt 0 ]; then
  echo "Drafter needs these system packages. Run, as root:" >&2
  echo "  sudo apt-get install -y ${all[*]}" >&2
  exit 1
fi
echo "sysdeps: optional packages missing (${missing_optional[*]}); some tests will be skipped. To install: sudo apt-get install -y ${missing_optional[*]}" >&2
exit 0

#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu/UOS/Kylin machine with Python 3.11: system libraries for Qt, a venv, the package.
# Usage: scripts/setup.sh [dev]   ("dev" adds the test tools and the PDF/PostgreSQL tools the tests use)
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"

debs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0
      libxcb-randr0 libxcb-xinerama0 libpulse0 python3-venv)
if [ "$extra" = "dev" ]; then
  debs+=(poppler-utils postgresql)
fi
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$extra" = "dev" ]; then
  .venv/bin/python -m pip install -q -e ".[dev,postgres]"
else
  .venv/bin/python -m pip install -q -e .
fi

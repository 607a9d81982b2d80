#!/usr/bin/env bash
# Set up (first time) and start the window application on a demo profile with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/yichuang --profile "${YICHUANG_PROFILE:-$HOME/.local/share/yichuang-demo}" --demo "$@"

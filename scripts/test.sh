#!/usr/bin/env bash
# Set up (first time) and run the checks CI runs: ruff, import contracts, the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check app gateway tests tools
.venv/bin/lint-imports
.venv/bin/python -m pytest -n 2 "$@"

#!/usr/bin/env bash
# Set up (first time) and run the checks CI runs: ruff, import contracts, the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
export QT_QPA_PLATFORM=offscreen
# The gateway's tests also run on a real PostgreSQL server when one can be started here.
if [ -z "${YICHUANG_TEST_PG_URL:-}" ]; then
  YICHUANG_TEST_PG_URL=$(scripts/start-postgres.sh | tail -n 1 || true)
  export YICHUANG_TEST_PG_URL
fi
.venv/bin/ruff check app gateway tests tools
.venv/bin/lint-imports
.venv/bin/python -m pytest -q -n 2 "$@"

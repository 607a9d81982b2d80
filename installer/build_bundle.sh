#!/usr/bin/env bash
# One-folder build: translations -> PyInstaller -> smoke test. Output: dist/yichuang/ (run dist/yichuang/yichuang).
# Usage: installer/build_bundle.sh            (from anywhere; needs `pip install pyinstaller` and the app's deps)
#        YICHUANG_SKIP_SMOKE=1 installer/build_bundle.sh   to build without running the bundle
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python}"
WORK="${YICHUANG_BUILD_DIR:-$ROOT/build/pyinstaller}"

echo "== translations"
"$PYTHON" tools/build_translations.py

echo "== pyinstaller"
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$WORK" installer/yichuang.spec
echo "built in $(( $(date +%s) - start )) s: $(du -sh dist/yichuang | cut -f1) in dist/yichuang"

if [[ "${YICHUANG_SKIP_SMOKE:-0}" == "1" ]]; then exit 0; fi
echo "== smoke test"
dist/yichuang/yichuang --version
dist/yichuang/yichuang selfcheck
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
YICHUANG_EXIT_AT_LOGIN=1 QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" \
    dist/yichuang/yichuang --profile "$tmp/profile" --demo

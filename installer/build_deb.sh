#!/usr/bin/env bash
# Package dist/yichuang/ (from installer/build_bundle.sh) as dist/yichuang_<version>_<arch>.deb with dpkg-deb.
# Layout: /opt/yichuang/ (the bundle), /usr/bin/yichuang (wrapper), desktop entry and icons under /usr/share.
# Profiles live in each user's home (~/.local/share/yichuang) and are never touched by install or removal.
# YICHUANG_DEB_COMPRESS=gzip|xz (default xz: smaller download for the district's machines).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BUNDLE="$ROOT/dist/yichuang"
[[ -x "$BUNDLE/yichuang" ]] || { echo "no bundle at $BUNDLE: run installer/build_bundle.sh first" >&2; exit 1; }
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)"
ARCH="$(dpkg --print-architecture)"
OUT="$ROOT/dist/yichuang_${VERSION}_${ARCH}.deb"
PKG="$(mktemp -d)"
trap 'rm -rf "$PKG"' EXIT

install -d "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/DEBIAN" \
    "$PKG/usr/share/icons/hicolor/256x256/apps" "$PKG/usr/share/icons/hicolor/48x48/apps" \
    "$PKG/usr/share/doc/yichuang"
cp -a "$BUNDLE" "$PKG/opt/yichuang"
# A wrapper, not a symlink: the bundle finds _internal/ beside the real executable whatever the caller's cwd.
cat > "$PKG/usr/bin/yichuang" <<'WRAP'
#!/bin/sh
exec /opt/yichuang/yichuang "$@"
WRAP
chmod 0755 "$PKG/usr/bin/yichuang"
install -m 0644 installer/linux/yichuang.desktop "$PKG/usr/share/applications/yichuang.desktop"
install -m 0644 resources/icons/yichuang.png "$PKG/usr/share/icons/hicolor/256x256/apps/yichuang.png"
install -m 0644 resources/icons/yichuang-48.png "$PKG/usr/share/icons/hicolor/48x48/apps/yichuang.png"
install -m 0644 resources/fonts/LICENSE-*.txt "$PKG/usr/share/doc/yichuang/"
find "$PKG/opt/yichuang" -type d -exec chmod 0755 {} +
find "$PKG/opt/yichuang" -type f ! -perm -u+x -exec chmod 0644 {} +

SIZE_KB="$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)"
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: yichuang
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: Yichuang district IT <yichuang@localhost>
Installed-Size: ${SIZE_KB}
Depends: libc6 (>= 2.28), libfontconfig1, libfreetype6, libgl1, libegl1, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-randr0, libxcb-render-util0, libxcb-image0
Section: misc
Priority: optional
Homepage: https://example.invalid/yichuang
Description: Yichuang (一窗) counter application for comprehensive intake windows
 Queue calling, intake, cases, documents and sync with the district platform
 for service halls. Self-contained build (Python and Qt included) in /opt/yichuang.
CONTROL
# Maintainer scripts: only refresh the desktop caches; no user data is created or removed.
for script in postinst postrm; do
    cat > "$PKG/DEBIAN/$script" <<'SCRIPT'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
exit 0
SCRIPT
    chmod 0755 "$PKG/DEBIAN/$script"
done

dpkg-deb --root-owner-group -Z"${YICHUANG_DEB_COMPRESS:-xz}" --build "$PKG" "$OUT" >/dev/null
echo "built $OUT ($(du -h "$OUT" | cut -f1), installed size ${SIZE_KB} KB)"

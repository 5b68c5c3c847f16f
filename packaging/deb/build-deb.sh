#!/usr/bin/env bash
# Wrap the PyInstaller bundle into a Debian package (Debian 12 / Astra Linux SE 1.8, amd64):
#   packaging/deb/build-deb.sh [BUNDLE_DIR=dist/casebook] [OUT_DIR=dist]
# -> OUT_DIR/casebook_<version>_amd64.deb with
#   /opt/casebook/                      the bundle (read-only for users)
#   /usr/bin/casebook                   launcher (GUI without arguments, CLI with a subcommand)
#   /usr/share/applications/casebook.desktop, /usr/share/icons/hicolor/*/apps/casebook.*
# Needs only dpkg-deb (no root: --root-owner-group makes every file root:root in the archive).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bundle=$(cd "${1:-$repo/dist/casebook}" && pwd)
out=$(mkdir -p "${2:-$repo/dist}" && cd "${2:-$repo/dist}" && pwd)

[ -x "$bundle/casebook" ] || { echo "$bundle/casebook: no bundle, run .ci/build-bundle" >&2; exit 2; }
# The version the bundle itself reports, so the package can never disagree with the program.
version=$("$bundle/casebook" --version | awk '{print $NF}')
[ -n "$version" ] || { echo "$bundle/casebook --version printed nothing" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/doc/casebook"

cp -a "$bundle" "$root/opt/casebook"
find "$root/opt/casebook" -name __pycache__ -type d -prune -exec rm -rf {} +
chmod -R u=rwX,go=rX "$root/opt/casebook"

cat > "$root/usr/bin/casebook" <<'EOF'
#!/bin/sh
# Casebook launcher: the bundle finds its files next to its own executable.
exec /opt/casebook/casebook "$@"
EOF
chmod 755 "$root/usr/bin/casebook"

install -m 644 "$here/casebook.desktop" "$root/usr/share/applications/casebook.desktop"
for png in "$repo"/packaging/icons/casebook-*.png; do
  size=$(basename "$png" .png); size=${size#casebook-}
  install -D -m 644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/casebook.png"
done
install -D -m 644 "$repo/resources/icons/casebook.svg" \
  "$root/usr/share/icons/hicolor/scalable/apps/casebook.svg"

# Font licence travels with the fonts (they are inside the bundle, under resources/fonts).
cat > "$root/usr/share/doc/casebook/copyright" <<EOF
Casebook $version. Proprietary.
Bundled third-party software (Python, Qt/PySide6 under LGPLv3, FFmpeg via PyAV and OpenCV,
SQLAlchemy, reportlab, ...) keeps its own licences; the PT fonts: see
/opt/casebook/_internal/resources/fonts/PARATYPE-LICENSE.txt
EOF

for script in postinst postrm; do
  install -m 755 "$here/$script" "$root/DEBIAN/$script"
done

installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# Depends: what the bundle links to but does not carry (PyInstaller leaves out glibc and the
# graphics/windowing libraries that must match the machine's drivers and display server):
#   libc6 >= 2.36         the bundle was built on Debian 12 (newest GLIBC_2.36 symbol)
#   libgl1, libegl1       OpenGL/EGL of the machine's driver (Qt's xcb and wayland plugins)
#   libxcb1, libwayland-* X11 and Wayland client libraries
#   libxkbcommon0         brings xkb-data: keyboard layouts (typing Russian) under X11/Wayland
#   libfontconfig1        brings fontconfig-config: /etc/fonts, so Qt finds the system fonts
#   libdbus-1-3           session bus (desktop portal, accessibility)
#   tesseract-ocr         reads the clock a camera burned into its frames (evidence read-clock)
# Recommends a font family for the window (the PDF uses the fonts inside the bundle).
cat > "$root/DEBIAN/control" <<EOF
Package: casebook
Version: $version
Section: misc
Priority: optional
Architecture: amd64
Maintainer: Casebook team <casebook@example.org>
Installed-Size: $installed_kb
Depends: libc6 (>= 2.36), libgl1, libegl1, libxcb1, libwayland-client0, libwayland-cursor0, libwayland-egl1, libxkbcommon0, libfontconfig1, libdbus-1-3, tesseract-ocr
Recommends: fonts-dejavu-core | fonts-liberation2 | fonts-freefont-ttf
Description: Casebook investigation workstation
 Cases of couriers misusing customers' personal data: call logs of the
 number-masking platform, dash-cam and CCTV review, one corrected timeline
 and PDF dossiers. Self-contained: Python, Qt, FFmpeg, fonts and time-zone
 data are inside /opt/casebook. Check an installation with "casebook selftest".
 User data stays in each user's ~/.local/share/casebook and is kept when the
 package is removed or purged.
EOF

deb="$out/casebook_${version}_amd64.deb"
# xz -6 (3.7x on this payload; several CPU minutes) is what dpkg everywhere understands.
# CASEBOOK_DEB_COMPRESS=none makes a quick package for trying the scripts.
compress=${CASEBOOK_DEB_COMPRESS:-xz}
dpkg-deb --root-owner-group -Z"$compress" -z6 --build "$root" "$deb" >/dev/null
echo "$deb ($(du -m "$deb" | cut -f1) MB, installed $((installed_kb / 1024)) MB)"

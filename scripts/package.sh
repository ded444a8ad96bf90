#!/usr/bin/env bash
# Build every package a clerk can be handed, into dist/:
#
#   gazette-browser-VERSION-windows-x64-setup.exe     per-user NSIS installer (no admin rights)
#   gazette-browser-VERSION-windows-x64-portable.zip  the exe, its console front, licences, 使用说明.txt
#   gazette-browser_VERSION_amd64.deb                 Debian/UOS/Kylin package
#   gazette-browser-VERSION-linux-x86_64.tar.gz       for desktops that take no .deb
#   SHA256SUMS                                        over all of the above
#
#   scripts/package.sh               everything
#   scripts/package.sh --linux       only the .deb and the tar.gz
#   scripts/package.sh --windows     only the installer and the zip
#
# VERSION is Cargo.toml's package version; nothing else states it. The Linux binary is
# `cargo build --release --locked`; the Windows exe comes from scripts/build-windows.sh
# (dist/windows/gazette-browser.exe), or from the file named by GAZETTE_WINDOWS_EXE when it is
# set (an exe built already, e.g. by CI's Windows step, so it is not built twice); the console
# front gazette-browser.com, for the command line in cmd.exe and PowerShell, is taken from
# beside it.
# Installs what it needs from Debian (as root): dpkg-dev, nsis. The package metadata lives in
# packaging/; the icons in assets/icons/ (scripts/make-icons.sh). scripts/test-packages.sh
# installs each package and checks it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

want_linux=1
want_windows=1
case ${1:-} in
  --linux) want_windows=0 ;;
  --windows) want_linux=0 ;;
  "") ;;
  *)
    echo "usage: scripts/package.sh [--linux|--windows]" >&2
    exit 2
    ;;
esac

# Debian packages for the tools given as "command:package" pairs, installed if a command is missing.
need_tools() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
      --no-install-recommends "${missing[@]}"
  fi
}

version=$(cargo metadata --no-deps --format-version 1 --locked |
  python3 -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "gazette-browser"))')
dist="$root/dist"
stage="$dist/stage"
rm -rf "$stage"
mkdir -p "$stage"
echo "== gazette-browser $version → $dist"

# --- Linux -------------------------------------------------------------------------------------

# The files every Linux package installs, under $1 as the prefix /usr (binary, desktop entry,
# icons, MIME type, AppStream metadata).
lay_out_linux_tree() {
  local usr=$1 size
  install -Dm755 target/release/gazette-browser "$usr/bin/gazette-browser"
  install -Dm644 packaging/linux/gazette-browser.desktop "$usr/share/applications/gazette-browser.desktop"
  install -Dm644 packaging/linux/cn.gov.zhumadian.GazetteBrowser.metainfo.xml "$usr/share/metainfo/cn.gov.zhumadian.GazetteBrowser.metainfo.xml"
  install -Dm644 packaging/linux/gazette-browser-mime.xml "$usr/share/mime/packages/gazette-browser.xml"
  install -Dm644 assets/icons/gazette-browser.svg "$usr/share/icons/hicolor/scalable/apps/gazette-browser.svg"
  for size in 16 24 32 48 64 128 256; do
    install -Dm644 "assets/icons/hicolor/${size}x${size}/apps/gazette-browser.png" \
      "$usr/share/icons/hicolor/${size}x${size}/apps/gazette-browser.png"
  done
}

# The machine-readable Debian copyright file: the program's dual licence and the font's OFL.
debian_copyright() {
  cat <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: gazette-browser

Files: *
Copyright: 2026 The Gazette Browser authors
License: MIT or Apache-2.0

Files: usr/bin/gazette-browser
Copyright: 2026 The Gazette Browser authors
           2014-2021 Adobe (Noto Sans CJK SC subset embedded in the binary)
License: (MIT or Apache-2.0) and OFL-1.1

License: MIT
EOF
  sed -e 's/^$/./' -e 's/^/ /' LICENSE-MIT
  cat <<EOF

License: Apache-2.0
 On Debian systems, the complete text of the Apache License, Version 2.0 can be
 found in "/usr/share/common-licenses/Apache-2.0".

License: OFL-1.1
EOF
  sed -e 's/^[[:space:]]*$/./' -e 's/^/ /' assets/fonts/OFL.txt
}

build_deb() {
  local pkg="$stage/deb" deb="$dist/gazette-browser_${version}_amd64.deb"
  lay_out_linux_tree "$pkg/usr"
  local doc="$pkg/usr/share/doc/gazette-browser"
  mkdir -p "$doc" "$pkg/DEBIAN"
  debian_copyright >"$doc/copyright"
  # A native package's changelog, required by Debian policy; its date is the last commit's.
  {
    echo "gazette-browser ($version) unstable; urgency=medium"
    echo
    echo "  * Release $version."
    echo
    echo " -- Gazette Browser team <gazette-browser@example.org>  $(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")"
  } | gzip -9n >"$doc/changelog.gz"

  # dpkg-shlibdeps reads the libraries the binary links; it wants a debian/control beside it.
  local depends
  mkdir -p "$stage/shlibdeps/debian"
  printf 'Source: gazette-browser\n\nPackage: gazette-browser\nArchitecture: amd64\n' >"$stage/shlibdeps/debian/control"
  depends=$(cd "$stage/shlibdeps" && dpkg-shlibdeps -O "$pkg/usr/bin/gazette-browser" | sed -n 's/^shlibs:Depends=//p')
  # eframe opens the display and OpenGL libraries at run time (dlopen), and rfd libdbus for the
  # file dialogs, so shlibdeps cannot see them: named here so a minimal desktop gets them.
  depends="$depends, libgl1, libegl1, libxkbcommon0, libxkbcommon-x11-0, libx11-6, libx11-xcb1, libxcursor1, libxrandr2, libxi6, libwayland-client0, libwayland-cursor0, libwayland-egl1, libdbus-1-3"

  cat >"$pkg/DEBIAN/control" <<EOF
Package: gazette-browser
Version: $version
Architecture: amd64
Maintainer: Gazette Browser team <gazette-browser@example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
Depends: $depends
Suggests: xdg-desktop-portal-gtk | zenity
Section: misc
Priority: optional
Description: Zhumadian government gazette browser (公报浏览器)
 A desktop program for browsing one issue of the Zhumadian municipal
 government gazette: sort, filter and export the standard land-price table,
 read and search the plans and their policy interpretations, and see a
 schematic of the benchmark land-price regions. Chinese interface.
EOF
  find "$pkg" -type d -exec chmod 755 {} +
  dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
  echo "built $(basename "$deb")"
}

build_linux_archive() {
  local name="gazette-browser-$version-linux-x86_64"
  local top="$stage/tar/$name"
  lay_out_linux_tree "$top/usr"
  # The archive is used without installing: the binary at the top, the rest for install-user.sh.
  mv "$top/usr/bin/gazette-browser" "$top/gazette-browser"
  rmdir "$top/usr/bin"
  mv "$top/usr/share" "$top/share"
  rmdir "$top/usr"
  install -m755 packaging/linux/install-user.sh "$top/install-user.sh"
  install -m644 packaging/linux/README.txt "$top/README.txt"
  install -m644 LICENSE-MIT LICENSE-APACHE "$top/"
  install -m644 assets/fonts/OFL.txt "$top/OFL-font.txt"
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$(git log -1 --format=%ct 2>/dev/null || date +%s)" \
    -C "$stage/tar" -czf "$dist/$name.tar.gz" "$name"
  echo "built $name.tar.gz"
}

if ((want_linux)); then
  need_tools dpkg-shlibdeps:dpkg-dev
  echo "== Linux release build"
  cargo build --release --locked
  build_deb
  build_linux_archive
fi

# --- Windows -----------------------------------------------------------------------------------

# A text file for Windows: UTF-8 with a byte-order mark (old Notepad reads GBK without one) and
# CRLF line ends.
windows_text() {
  printf '\xef\xbb\xbf'
  sed 's/$/\r/' "$1"
}

# The console front beside the window's exe (scripts/build-windows.sh makes both).
console_front() {
  echo "${1%.exe}.com"
}

# The files both Windows packages carry, into folder $1: the exe $2, its console front, the
# instructions and the licences (with Windows line endings).
stage_windows_files() {
  local folder=$1 exe=$2
  mkdir -p "$folder"
  install -m644 "$exe" "$folder/gazette-browser.exe"
  install -m644 "$(console_front "$exe")" "$folder/gazette-browser.com"
  windows_text packaging/windows/使用说明.txt >"$folder/使用说明.txt"
  windows_text LICENSE-MIT >"$folder/LICENSE-MIT.txt"
  windows_text LICENSE-APACHE >"$folder/LICENSE-APACHE.txt"
  windows_text assets/fonts/OFL.txt >"$folder/OFL-字体许可.txt"
}

build_portable_zip() {
  local exe=$1 name="gazette-browser-$version-windows-x64-portable"
  stage_windows_files "$stage/zip/$name" "$exe"
  # Python's zipfile marks non-ASCII names as UTF-8, which Windows' Explorer reads correctly.
  python3 - "$stage/zip" "$name" "$dist/$name.zip" <<'PY'
import os, sys, zipfile
base, name, out = sys.argv[1:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
    for folder, _, files in sorted(os.walk(os.path.join(base, name))):
        for file in sorted(files):
            path = os.path.join(folder, file)
            archive.write(path, os.path.relpath(path, base))
PY
  echo "built $name.zip"
}

build_installer() {
  local exe=$1 out="$dist/gazette-browser-$version-windows-x64-setup.exe"
  local files="$stage/nsis"
  stage_windows_files "$files" "$exe"
  install -m644 assets/icons/gazette-browser.ico "$files/gazette-browser.ico"
  makensis -V2 -INPUTCHARSET UTF8 \
    "-DVERSION=$version" "-DFILES=$files" "-DOUTFILE=$out" \
    packaging/windows/installer.nsi
  echo "built $(basename "$out")"
}

if ((want_windows)); then
  need_tools makensis:nsis
  exe=${GAZETTE_WINDOWS_EXE:-}
  if [[ -z $exe ]]; then
    echo "== Windows build (scripts/build-windows.sh)"
    scripts/build-windows.sh
    exe="$root/dist/windows/gazette-browser.exe"
  fi
  if [[ ! -f $exe || ! -f $(console_front "$exe") ]]; then
    echo "error: no Windows exe and console front at $exe; run scripts/build-windows.sh or set GAZETTE_WINDOWS_EXE" >&2
    exit 1
  fi
  build_portable_zip "$exe"
  build_installer "$exe"
fi

# --- Checksums ---------------------------------------------------------------------------------

rm -rf "$stage"
(
  cd "$dist"
  packages=("gazette-browser_${version}_amd64.deb" "gazette-browser-$version-"{linux-x86_64.tar.gz,windows-x64-portable.zip,windows-x64-setup.exe})
  existing=()
  for package in "${packages[@]}"; do
    [[ -f $package ]] && existing+=("$package")
  done
  packages=("${existing[@]}")
  sha256sum "${packages[@]}" >SHA256SUMS
  echo "== $dist"
  ls -l "${packages[@]}" SHA256SUMS
)

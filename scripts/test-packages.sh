#!/usr/bin/env bash
# Tests each package in dist/ (made by scripts/package.sh) by installing it on this machine:
#
#   .deb      dpkg -i; `gazette-browser check` from PATH; desktop-file-validate and appstreamcli
#             accept the metadata; icons and MIME type in place; lintian has no errors;
#             dpkg -r removes every file it installed
#   tar.gz    unpacks; its binary answers `check`; install-user.sh installs into a home folder
#             and --remove leaves nothing there
#   setup.exe runs silently under wine (/S); the installed exe answers `check`; the Start-menu
#             shortcut points at it; the uninstall entry is in HKCU; the uninstaller leaves
#             nothing behind (folder, shortcut, registry)
#   zip       unpacks; its exe answers `check` under wine
#   SHA256SUMS matches every package
#
#   scripts/test-packages.sh             all packages
#   scripts/test-packages.sh --linux     only the .deb and the tar.gz
#   scripts/test-packages.sh --windows   only the installer and the zip
#
# Root is needed (dpkg -i, apt-get). Installs what it needs from Debian itself. Wine runs in a
# throwaway prefix under a temporary folder; the .deb is removed again at the end, pass or fail.
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
    echo "usage: scripts/test-packages.sh [--linux|--windows]" >&2
    exit 2
    ;;
esac

version=$(cargo metadata --no-deps --format-version 1 --locked |
  python3 -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "gazette-browser"))')
dist="$root/dist"
work=$(mktemp -d /tmp/gazette-test-packages.XXXXXX)
failures=0

cleanup() {
  if dpkg-query -W -f='${db:Status-Status}' gazette-browser 2>/dev/null | grep -q '^installed'; then
    dpkg -r gazette-browser >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

pass() { echo "  ok   $*"; }
fail() {
  echo "  FAIL $*" >&2
  failures=$((failures + 1))
}
# check DESCRIPTION COMMAND...: runs the command quietly; its output is shown only on failure.
check() {
  local what=$1 log="$work/check.log"
  shift
  if "$@" >"$log" 2>&1; then
    pass "$what"
  else
    fail "$what"
    sed 's/^/       /' "$log" >&2
  fi
}

need_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
      --no-install-recommends "${missing[@]}"
  fi
}

package_file() {
  local file="$dist/$1"
  if [[ ! -f $file ]]; then
    echo "error: $file is missing; run scripts/package.sh first" >&2
    exit 1
  fi
  echo "$file"
}

# --- .deb --------------------------------------------------------------------------------------

test_deb() {
  local deb
  deb=$(package_file "gazette-browser_${version}_amd64.deb")
  echo "== $(basename "$deb")"
  need_packages lintian desktop-file-utils appstream shared-mime-info
  if dpkg-query -W -f='${db:Status-Status}' gazette-browser 2>/dev/null | grep -q '^installed'; then
    echo "  (an installed gazette-browser is removed first)"
    dpkg -r gazette-browser >/dev/null
  fi

  # The libraries it depends on come from Debian, then the package itself with plain dpkg.
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 satisfy -y -qq \
    --no-install-recommends "$(dpkg-deb -f "$deb" Depends)" >/dev/null
  check "dpkg -i" dpkg -i "$deb"
  dpkg -L gazette-browser | sort >"$work/deb-files"

  check "gazette-browser on PATH is /usr/bin/gazette-browser" \
    test "$(cd / && command -v gazette-browser)" = /usr/bin/gazette-browser
  check "gazette-browser check (exit 0)" bash -c 'cd / && gazette-browser check'
  check "desktop-file-validate" desktop-file-validate /usr/share/applications/gazette-browser.desktop
  check "desktop entry id matches the window's app id" \
    grep -qx 'StartupWMClass=gazette-browser' /usr/share/applications/gazette-browser.desktop
  check "appstreamcli validate" appstreamcli validate --no-net /usr/share/metainfo/cn.gov.zhumadian.GazetteBrowser.metainfo.xml
  check "icons: hicolor PNG 16–256 and SVG" bash -c '
    for size in 16 24 32 48 64 128 256; do
      test -s /usr/share/icons/hicolor/${size}x${size}/apps/gazette-browser.png || exit 1
    done
    test -s /usr/share/icons/hicolor/scalable/apps/gazette-browser.svg'
  check "MIME type application/x-gazette registered for *.ron" \
    grep -q 'application/x-gazette' /usr/share/mime/globs2
  check "licences in /usr/share/doc/gazette-browser/copyright" \
    grep -q 'License: OFL-1.1' /usr/share/doc/gazette-browser/copyright

  if lintian --no-tag-display-limit --fail-on error "$deb" >"$work/lintian.log" 2>&1; then
    pass "lintian: no errors"
  else
    fail "lintian reports errors"
    cat "$work/lintian.log" >&2
  fi
  sed -n 's/^W: /       lintian warning: /p' "$work/lintian.log"

  check "dpkg -r" dpkg -r gazette-browser
  check "dpkg -r removed every file it installed" bash -c '
    left=0
    while read -r path; do
      if [[ -f $path || -L $path ]]; then echo "left: $path"; left=1; fi
    done <"$1"
    exit $left' _ "$work/deb-files"
  check "package no longer installed" bash -c \
    "! dpkg-query -W -f='\${db:Status-Status}' gazette-browser 2>/dev/null | grep -q installed"
}

# --- tar.gz ------------------------------------------------------------------------------------

test_linux_archive() {
  local archive name="gazette-browser-$version-linux-x86_64"
  archive=$(package_file "$name.tar.gz")
  echo "== $(basename "$archive")"
  mkdir -p "$work/tar" "$work/home"
  tar -C "$work/tar" -xzf "$archive"
  local top="$work/tar/$name"
  check "unpacked binary answers check" "$top/gazette-browser" check
  check "licences beside it" test -s "$top/LICENSE-MIT" -a -s "$top/LICENSE-APACHE" -a -s "$top/OFL-font.txt"
  local home="$work/home"
  check "install-user.sh installs into ~/.local" env HOME="$home" XDG_DATA_HOME= "$top/install-user.sh"
  check "installed binary, desktop entry and icon" test -x "$home/.local/bin/gazette-browser" \
    -a -s "$home/.local/share/applications/gazette-browser.desktop" \
    -a -s "$home/.local/share/icons/hicolor/scalable/apps/gazette-browser.svg"
  check "install-user.sh --remove" env HOME="$home" XDG_DATA_HOME= "$top/install-user.sh" --remove
  check "--remove leaves no file of the package" bash -c \
    '! find "$1" -type f -name "gazette-browser*" | grep .' _ "$home"
}

# --- Windows, under wine -----------------------------------------------------------------------

wine64=/usr/lib/wine/wine64

# A fresh 64-bit wine prefix with the ProcessPrng stand-in (test equipment, see
# scripts/wine/bcryptprimitives.c) that Rust exes need under Debian's wine 8.
make_wine_prefix() {
  need_packages wine64 gcc-mingw-w64-x86-64 locales
  # Wine takes Windows' language from LANG: a Chinese Windows, as the clerks have, so the
  # installer's Chinese pages and names are the ones tested. Wine can write Chinese file names
  # only with the locale present in the C library.
  if ! locale -a | grep -qix 'zh_CN.utf8'; then
    sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
    locale-gen >/dev/null
  fi
  export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
  export WINEPREFIX="$work/wine" WINEARCH=win64 WINEDEBUG=-all
  # No menu entries or file associations on this Linux machine from the installer's shortcuts.
  export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d"
  "$wine64" wineboot --init >/dev/null 2>&1
  /usr/lib/wine/wineserver -w
  x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    scripts/wine/bcryptprimitives.c
}

# A Windows path under the prefix's C: drive as a Linux path.
unix_path() {
  local path=${1//\\//}
  echo "$WINEPREFIX/drive_c/${path#C:/}"
}

# The target of a Windows shortcut (.lnk): its LinkInfo's local base path (MS-SHLLINK 2.3).
lnk_target() {
  python3 - "$1" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
flags = struct.unpack_from("<I", data, 0x14)[0]
offset = 0x4C
if flags & 0x01:  # HasLinkTargetIDList
    offset += 2 + struct.unpack_from("<H", data, offset)[0]
if not flags & 0x02:  # HasLinkInfo
    sys.exit("shortcut without LinkInfo")
info = offset
header = struct.unpack_from("<I", data, info + 4)[0]
base = struct.unpack_from("<I", data, info + 16)[0]
if header >= 0x24:  # a Unicode base path follows
    base_u = struct.unpack_from("<I", data, info + 28)[0]
    end = info + base_u
    while data[end:end + 2] != b"\0\0":
        end += 2
    print(data[info + base_u:end].decode("utf-16-le"))
else:
    print(data[info + base:data.index(b"\0", info + base)].decode("latin-1"))  # ANSI: ASCII paths only
PY
}

# The silent install. Once in three runs here (2026-12-04, the machine loaded by other builds)
# the first installer run in a fresh wine prefix exited non-zero having installed nothing, and a
# second run right after succeeded: wine finishing its prefix in the background, not the
# installer. So a failed first run is said, and tried once more; a second failure fails.
silent_setup() {
  local status=0
  "$wine64" "$1" /S || status=$?
  ((status == 0)) && return 0
  echo "setup.exe /S failed once (exit $status); waiting for wine and trying again" >&2
  /usr/lib/wine/wineserver -w
  "$wine64" "$1" /S
}

uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\GazetteBrowser'

test_installer() {
  local setup
  setup=$(package_file "gazette-browser-$version-windows-x64-setup.exe")
  echo "== $(basename "$setup")"
  local appdata local_appdata
  local_appdata=$("$wine64" cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')
  appdata=$("$wine64" cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')
  local install_dir
  install_dir=$(unix_path "$local_appdata\\Programs\\Gazette Browser")
  local shortcut
  shortcut=$(unix_path "$appdata\\Microsoft\\Windows\\Start Menu\\Programs")/公报浏览器.lnk

  check "setup.exe /S (silent, as a user)" silent_setup "$setup"
  /usr/lib/wine/wineserver -w
  check "installed under %LOCALAPPDATA%\\Programs" test -s "$install_dir/gazette-browser.exe"
  check "installed exe answers check (exit 0)" "$wine64" "$install_dir/gazette-browser.exe" check
  check "installed console front answers check (exit 0)" "$wine64" "$install_dir/gazette-browser.com" check
  check "licences and 使用说明.txt installed" test -s "$install_dir/使用说明.txt" \
    -a -s "$install_dir/LICENSE-MIT.txt" -a -s "$install_dir/OFL-字体许可.txt"
  check "Start-menu shortcut 公报浏览器.lnk" test -s "$shortcut"
  if [[ -s $shortcut ]]; then
    local target
    target=$(lnk_target "$shortcut" 2>&1 || true)
    check "shortcut's target is the installed exe ($target)" \
      test "$(unix_path "$target")" -ef "$install_dir/gazette-browser.exe"
  fi
  check "uninstall entry in HKCU (Apps & features)" "$wine64" reg query "$uninstall_key" /v UninstallString
  check "no .ron association unless ticked" bash -c \
    "! '$wine64' reg query 'HKCU\\Software\\Classes\\GazetteBrowser.GazetteFile' >/dev/null 2>&1"

  # The uninstaller copies itself to %TEMP% and runs from there; wineserver -w waits for it.
  check "uninstall.exe /S" "$wine64" "$install_dir/uninstall.exe" /S
  /usr/lib/wine/wineserver -w
  check "uninstaller leaves nothing in the install folder" test ! -e "$install_dir"
  check "uninstaller removes the shortcut" test ! -e "$shortcut"
  check "uninstaller removes the HKCU entry" bash -c "! '$wine64' reg query '$uninstall_key' >/dev/null 2>&1"

  # The ticked option, as IT would deploy it silently: .ron files open with the program, and
  # the uninstaller takes the association away again.
  local prog_id='HKCU\Software\Classes\GazetteBrowser.GazetteFile'
  check "setup.exe /S /ASSOCIATE" "$wine64" "$setup" /S /ASSOCIATE
  /usr/lib/wine/wineserver -w
  check ".ron opens with the installed exe" bash -c \
    "'$wine64' reg query '$prog_id\shell\open\command' | grep -F 'Gazette Browser\gazette-browser.exe\" --gazette \"%1\"'"
  check ".ron's default program is the program" bash -c \
    "'$wine64' reg query 'HKCU\Software\Classes\.ron' /ve | grep -F GazetteBrowser.GazetteFile"
  check "uninstall.exe /S after /ASSOCIATE" "$wine64" "$install_dir/uninstall.exe" /S
  /usr/lib/wine/wineserver -w
  check "uninstaller removes the association" bash -c \
    "! '$wine64' reg query '$prog_id' >/dev/null 2>&1 && ! '$wine64' reg query 'HKCU\Software\Classes\.ron' >/dev/null 2>&1"
  check "uninstaller leaves nothing in the install folder (again)" test ! -e "$install_dir"
}

test_portable_zip() {
  local zip name="gazette-browser-$version-windows-x64-portable"
  zip=$(package_file "$name.zip")
  echo "== $(basename "$zip")"
  mkdir -p "$work/zip"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$work/zip"
  check "exe, 使用说明.txt and licences unpacked" test -s "$work/zip/$name/gazette-browser.exe" \
    -a -s "$work/zip/$name/使用说明.txt" -a -s "$work/zip/$name/LICENSE-MIT.txt" \
    -a -s "$work/zip/$name/LICENSE-APACHE.txt" -a -s "$work/zip/$name/OFL-字体许可.txt"
  check "portable exe answers check under wine (exit 0)" "$wine64" "$work/zip/$name/gazette-browser.exe" check
  check "portable console front answers check under wine (exit 0)" "$wine64" "$work/zip/$name/gazette-browser.com" check
}

# --- run ---------------------------------------------------------------------------------------

if ((want_linux)); then
  test_deb
  test_linux_archive
fi
if ((want_windows)); then
  make_wine_prefix
  test_installer
  test_portable_zip
fi
echo "== SHA256SUMS"
check "sha256sum -c" bash -c "cd '$dist' && sha256sum --check --ignore-missing --quiet SHA256SUMS"

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all package checks passed"

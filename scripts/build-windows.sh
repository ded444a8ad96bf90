#!/usr/bin/env bash
# Builds the Windows exe on Linux: dist/windows/gazette-browser.exe, one portable file (no DLL
# beside it) with its icon and version information as resources, and beside it
# gazette-browser.com, the console front for cmd.exe and PowerShell (README: Windows).
#
# No rustup target is needed (none can be downloaded here): Debian's rustc-web/cargo-web 1.96
# with rust-web-src build the standard library for x86_64-pc-windows-gnu from source
# (-Zbuild-std, allowed on a stable compiler by RUSTC_BOOTSTRAP=1), and mingw-w64 links it.
# Installs what it needs itself (apt, as root). The build has its own target folder
# (target/windows): it uses a different compiler from the Linux build, whose artifacts it
# cannot share.
#
#   scripts/build-windows.sh            release build, import check, copy to dist/windows/
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/windows-env.sh

windows_install_build_deps

echo "== build (release, x86_64-pc-windows-gnu)"
windows_cargo build --release --locked --bins -Zbuild-std=std,panic_abort

release="$WINDOWS_TARGET_DIR/$WINDOWS_TARGET/release"
rm -rf dist/windows
mkdir -p dist/windows
cp "$release/gazette-browser.exe" dist/windows/gazette-browser.exe
cp "$release/gazette-browser-console.exe" dist/windows/gazette-browser.com

for exe in dist/windows/gazette-browser.exe dist/windows/gazette-browser.com; do
  echo "== $exe"
  windows_check_imports "$exe"
  windows_check_resources "$exe"
done
ls -l dist/windows/

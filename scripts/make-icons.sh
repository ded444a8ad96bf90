#!/usr/bin/env bash
# Make the application icons from the SVG master (assets/icons/gazette-browser.svg, the same
# design as the window icon drawn in src/ui/icon.rs):
#   - assets/icons/hicolor/SIZExSIZE/apps/gazette-browser.png for the Linux packages
#     (freedesktop hicolor theme sizes 16 24 32 48 64 128 256);
#   - assets/icons/gazette-browser.ico, all those sizes in one file, for the Windows exe's
#     resources and the installer's shortcut.
#
#   scripts/make-icons.sh        (run from anywhere; writes into assets/icons/)
#
# Installs what it needs from Debian (as root): librsvg2-bin (rsvg-convert) and icoutils (icotool).
# Re-run it after changing the SVG, and commit the results: the builds use the committed files.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
icons="$root/assets/icons"
svg="$icons/gazette-browser.svg"
sizes=(16 24 32 48 64 128 256)

if ! command -v rsvg-convert >/dev/null || ! command -v icotool >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends librsvg2-bin icoutils
fi

pngs=()
for size in "${sizes[@]}"; do
  dir="$icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  rsvg-convert --width "$size" --height "$size" --format png --output "$dir/gazette-browser.png" "$svg"
  pngs+=("$dir/gazette-browser.png")
done

# 256 px is stored PNG-compressed (--raw), as Windows expects for that size; the others as 32-bit
# bitmaps with alpha (icotool would otherwise pick a 16-colour palette for so few colours).
ico_args=()
for png in "${pngs[@]}"; do
  case $png in
    */256x256/*) ico_args+=(--raw="$png") ;;
    *) ico_args+=("$png") ;;
  esac
done
icotool --create --bit-depth=32 --output "$icons/gazette-browser.ico" "${ico_args[@]}"

echo "icons written to $icons:"
icotool --list "$icons/gazette-browser.ico"

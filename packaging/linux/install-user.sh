#!/bin/sh
# Installs 公报浏览器 for the current user only (no root needed): the program into ~/.local/bin,
# its menu entry, icons and file type into ~/.local/share. Run it from the unpacked folder:
#   ./install-user.sh            install
#   ./install-user.sh --remove   remove again
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin="$HOME/.local/bin"
share="${XDG_DATA_HOME:-$HOME/.local/share}"

files() {
  (cd "$here/share" && find . -type f | sed 's|^\./||')
}

if [ "${1:-}" = "--remove" ]; then
  rm -f "$bin/gazette-browser"
  files | while read -r file; do rm -f "$share/$file"; done
  echo "已卸载公报浏览器。Gazette Browser removed."
else
  mkdir -p "$bin"
  install -m755 "$here/gazette-browser" "$bin/gazette-browser"
  files | while read -r file; do
    mkdir -p "$(dirname "$share/$file")"
    install -m644 "$here/share/$file" "$share/$file"
  done
  echo "已安装公报浏览器：可在应用菜单中找到 公报浏览器。Gazette Browser installed in $bin."
fi
# Let the menu, the icon theme and the file manager see the change (where the tools exist).
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$share/applications" || true
fi
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$share/mime" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
fi

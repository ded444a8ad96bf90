#!/usr/bin/env bash
# Screenshots of the tables (issue 16) at the clerks' three screen sizes, on Linux or, with
# WINE_EXE, of the Windows exe under wine:
# - 标定地价: sorted by 地面单价 ▼1 then 楼面单价 ▲2, filtered to 住宅用地, quick filter 大道
#   (marked in the cells), 5 rows selected. land-prices-SIZE-left.png shows the quick-filter
#   marks at the left; the wheel then scrolls the grid to the right, where the prices are,
#   while the frozen columns stay (land-prices-SIZE.png); Ctrl+E opens the export dialog on
#   the 5 selected rows (land-prices-SIZE-export.png).
# - 中国药谷: its two tables, 发展目标 and 产业布局 (pharma-targets-SIZE.png,
#   pharma-layout-SIZE.png).
# The tables' state is given as the settings a clerk's earlier session would have left.
#   docs/screenshots/table/take.sh [BINARY]   (default target/debug/gazette-browser)
#   WINE_EXE=dist/windows/gazette-browser.exe docs/screenshots/table/take.sh
#     (into docs/screenshots/windows/table/; needs target/windows/wine-prefix from
#     scripts/test-windows.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shot=${SCREENSHOT:-/work/shared/tools/screenshot.sh}
sizes=${SIZES:-1024x600 1366x768 1920x1080}

if [[ -n "${WINE_EXE:-}" ]]; then
  out="$here/../windows/table"
  exe=$(realpath "$WINE_EXE")
  prefix=$(realpath "${WINEPREFIX:-target/windows/wine-prefix}")
  command=(/usr/lib/wine/wine64 "$exe")
else
  out="$here"
  command=("$(realpath "${1:-target/debug/gazette-browser}")")
fi
mkdir -p "$out"

land_prices='(store:(states:{"land-prices":(query:(sort:[(column:11,direction:Descending),(column:12,direction:Ascending)],filters:{1:Values(["住宅用地"])},quick_filter:"大道"),layout:(hidden:[],widths:{}),selection:(rows:[28,29,32,39,44],focused:Some(44),anchor:Some(44)))}),table_view:(last_folder:None),schematic:(map:None),modes:{"land-price-notice":Table},chosen:{})'
pharma() {
  echo "(store:(states:{}),table_view:(last_folder:None),schematic:(map:None),modes:{\"pharma-plan-notice\":Table},chosen:{\"pharma-plan-notice\":\"$1\"})"
}

# The settings file with `state` as the table state, where the program looks for it: the XDG
# data folder on Linux, the roaming AppData folder in the wine prefix.
settings_home() {
  local state=$1 home settings
  home=$(mktemp -d)
  if [[ -n "${WINE_EXE:-}" ]]; then
    cp -a "$prefix" "$home/prefix"
    settings="$home/prefix/drive_c/users/$(id -un)/AppData/Roaming/gazette-browser/data/app.ron"
  else
    settings="$home/.local/share/gazette-browser/app.ron"
  fi
  mkdir -p "$(dirname "$settings")"
  python3 - "$settings" "$state" <<'PY'
import sys
path, state = sys.argv[1], sys.argv[2]
quoted = state.replace("\\", "\\\\").replace('"', '\\"')
with open(path, "w", encoding="utf-8") as f:
    f.write('{\n    "settings_version": "1",\n    "lang": "Zh",\n    "theme": "Light",\n')
    f.write(f'    "doc-tables": "{quoted}",\n}}\n')
PY
  echo "$home"
}

# shoot OUT.png SIZE TAB STATE [--do ACTION]...
shoot() {
  local png=$1 size=$2 tab=$3 state=$4 home
  shift 4
  home=$(settings_home "$state")
  local where=(--home "$home")
  if [[ -n "${WINE_EXE:-}" ]]; then
    where=()
    export WINEPREFIX="$home/prefix" WINEDEBUG=-all
  fi
  GAZETTE_BROWSER_TAB=$tab GAZETTE_BROWSER_VIEW=table \
    "$shot" "$png" --size "$size" --no-system-cjk "${where[@]}" "$@" -- "${command[@]}"
  rm -rf "$home"
}

for size in $sizes; do
  w=${size%x*} h=${size#*x}
  shoot "$out/land-prices-$size-export.png" "$size" land-price-notice "$land_prices" \
    --do "shot $out/land-prices-$size-left.png" \
    --do "scroll $((w / 2)) $((h / 2)) right 40" --do "sleep 1" \
    --do "shot $out/land-prices-$size.png" \
    --do "key ctrl+e" --do "sleep 1"
  for table in pharma-targets pharma-layout; do
    shoot "$out/$table-$size.png" "$size" pharma-plan-notice "$(pharma "$table")"
  done
done

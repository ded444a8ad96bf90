#!/usr/bin/env bash
# Screenshots of the 标定地价 table (issue 16): sorted by 地面单价 ▼1 then 楼面单价 ▲2, filtered
# to 住宅用地, quick filter 大道 (marked in the cells), 5 rows selected — at three screen sizes.
# The table's state is given as the settings a clerk's earlier session would have left; the
# first shot shows the quick-filter marks at the left (-left.png); the wheel then scrolls the
# grid to the right, where the prices are, while 序号 用途 编号 stay (the second shot).
#   docs/screenshots/table/take.sh [BINARY]   (default target/debug/gazette-browser)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=$(realpath "${1:-target/debug/gazette-browser}")
shot=${SCREENSHOT:-/work/shared/tools/screenshot.sh}
state='(store:(states:{"land-prices":(query:(sort:[(column:11,direction:Descending),(column:12,direction:Ascending)],filters:{1:Values(["住宅用地"])},quick_filter:"大道"),layout:(hidden:[],widths:{}),selection:(rows:[28,29,32,39,44],focused:Some(44),anchor:Some(44)))}),table_view:(last_folder:None),schematic:(map:None),modes:{"land-price-notice":Table},chosen:{})'
for size in 1024x600 1366x768 1920x1080; do
  home=$(mktemp -d)
  mkdir -p "$home/.local/share/gazette-browser"
  python3 - "$home/.local/share/gazette-browser/app.ron" "$state" <<'PY'
import sys
path, state = sys.argv[1], sys.argv[2]
quoted = state.replace("\\", "\\\\").replace('"', '\\"')
with open(path, "w", encoding="utf-8") as f:
    f.write('{\n    "settings_version": "1",\n    "lang": "Zh",\n    "theme": "Light",\n')
    f.write(f'    "doc-tables": "{quoted}",\n}}\n')
PY
  w=${size%x*} h=${size#*x}
  GAZETTE_BROWSER_TAB=land-price-notice GAZETTE_BROWSER_VIEW=table \
    "$shot" "$here/land-prices-$size.png" --size "$size" --home "$home" \
    --do "shot $here/land-prices-$size-left.png" --do "scroll $((w / 2)) $((h / 2)) right 40" --do "sleep 1" -- "$binary"
  rm -rf "$home"
done

#!/usr/bin/env bash
# Proves that a real spreadsheet opens our workbooks and reads in them what our CSV says:
# LibreOffice Calc, headless, converts each exported .xlsx back to CSV, and its rows must equal
# our own CSV export of the same choices, byte for byte.
#
# What is compared, for each case below: LibreOffice's CSV of the first sheet (the data sheet)
# without its first line (the workbook's title row, which a CSV has not), against our CSV of
# the same choices written with --encoding utf8 (no BOM), line endings made LF in both. Calc
# writes each cell's value, not its shown form (filter option 9, "save cell contents as
# shown", false), so a number cell comes out as the printed number (3298.21, 4520: no
# thousands separator) and a text cell as its text (序号, codes, "--"). Equal files mean every
# number cell holds the printed value, every text cell the printed text, and no cell was lost,
# added or moved. Then, once, the shown form (option 9 true) of the whole table must carry the
# number formats: 168,658.88 with its thousands separator and 57,053.2 with its one printed
# decimal (not 57,053.20). Not compared: widths, the frozen header, the autofilter and the
# 来源 sheet (tests/export_xlsx.rs checks those in the file itself).
#
# Installs Debian's libreoffice-calc-nogui with apt when soffice is missing (root needed then).
# Uses $GAZETTE_BIN if set, else builds the debug binary with cargo. Time on 2 cores: README,
# "CI time".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null; then
  if [[ $EUID -ne 0 ]]; then
    echo "error: soffice is missing; run as root to install libreoffice-calc-nogui" >&2
    exit 1
  fi
  echo "== apt-get install libreoffice-calc-nogui"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-calc-nogui >/dev/null
fi

bin=${GAZETTE_BIN:-}
if [[ -z $bin ]]; then
  cargo build --locked --quiet
  bin=target/debug/gazette-browser
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A fresh LibreOffice profile, thrown away afterwards: nothing of the user's is read or changed.
profile="file://$work/profile"

# Comma, double quote, UTF-8 (76), from line 1, no column formats, language 0; then: do not
# quote every text cell, detect special numbers (import only), values not as shown, no
# formulas, spaces kept, the first sheet only.
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1'

# name|arguments of `export land-prices` (the 66-row 附件1 of the embedded issue)
cases=(
  "all|"
  "model-job|--where 用途=住宅用地 --min 地面单价=4000 --sort 地面单价:desc"
  "chosen|--filter 工业 --sort 楼面单价 --rows 1,3-4"
  "selected-sorted|--sort 土地面积:desc --sort 序号 --rows 2,5,10-12,60"
)

failed=0
for case in "${cases[@]}"; do
  name=${case%%|*}
  read -r -a args <<<"${case#*|}"
  "$bin" export land-prices "${args[@]}" --output "$work/$name.xlsx" 2>/dev/null
  "$bin" export land-prices "${args[@]}" --encoding utf8 --output "$work/$name.csv" 2>/dev/null
  mkdir -p "$work/calc"
  soffice -env:UserInstallation="$profile" --headless --convert-to "$filter" \
    --outdir "$work/calc" "$work/$name.xlsx" >/dev/null 2>&1
  # Calc names the CSV of one sheet NAME-SHEET.csv (the data sheet is 标定地价).
  converted=$(find "$work/calc" -name "$name-*.csv" | head -n 1)
  if [[ -z $converted || ! -s $converted ]]; then
    echo "FAIL $name: LibreOffice wrote no CSV" >&2
    failed=1
    continue
  fi
  tail -n +2 "$converted" | tr -d '\r' >"$work/$name.calc"
  tr -d '\r' <"$work/$name.csv" >"$work/$name.ours"
  rows=$(($(wc -l <"$work/$name.ours") - 1))
  if cmp -s "$work/$name.calc" "$work/$name.ours"; then
    echo "ok   $name: $rows rows, LibreOffice's CSV of the workbook equals ours"
  else
    echo "FAIL $name: LibreOffice reads the workbook differently from our CSV:" >&2
    diff "$work/$name.ours" "$work/$name.calc" | head -20 >&2
    failed=1
  fi
done

# The shown form: Calc applies our number formats.
shown_filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,1'
mkdir -p "$work/shown"
soffice -env:UserInstallation="$profile" --headless --convert-to "$shown_filter" \
  --outdir "$work/shown" "$work/all.xlsx" >/dev/null 2>&1
shown=$(find "$work/shown" -name 'all-*.csv' | head -n 1)
for printed in '"168,658.88"' '"57,053.2"' '"4,520"'; do
  if [[ -n $shown ]] && grep -qF ",$printed," "$shown"; then
    echo "ok   shown as $printed"
  else
    echo "FAIL Calc does not show $printed as our number format says" >&2
    failed=1
  fi
done
exit $failed

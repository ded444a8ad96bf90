#!/usr/bin/env bash
# Checks the PDF printouts with a real PDF reader (Debian's poppler-utils, installed here with
# apt when missing; root needed for that):
#
#   - writes the 66-row land-price table (land-prices) and the pharma plan (pharma-plan-notice,
#     the 中国药谷 plan) with our own `pdf` command;
#   - pdfinfo and pdffonts read them: A4, and one font, embedded as a subset with a ToUnicode map;
#   - pdftotext gives back every row's 标定区域编号 code and every heading and 专栏 title of
#     the plan (so the text is selectable and searchable, not only drawn);
#   - pdftoppm renders page 1 of each at 80 dpi into docs/screenshots/pdf/ (committed).
#
#   scripts/check-pdf.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "== installing poppler-utils"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

cargo build --locked --quiet --bin gazette-browser
app="$root/target/debug/gazette-browser"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A fixed export time (2026-12-04 20:00 Beijing time, 12:00 UTC) in the footer, so the committed page images change
# only when the printout does.
export SOURCE_DATE_EPOCH=1796385600
"$app" pdf land-prices --output "$work/land-prices.pdf"
"$app" pdf pharma-plan-notice --output "$work/pharma-plan.pdf"
"$app" export land-prices --encoding utf8 --output "$work/land-prices.csv"

for pdf in land-prices pharma-plan; do
  pdfinfo "$work/$pdf.pdf" >"$work/$pdf.info"
  grep -q '(A4)' "$work/$pdf.info" || {
    echo "FAIL: $pdf.pdf is not A4" >&2
    cat "$work/$pdf.info" >&2
    exit 1
  }
  # One font: embedded (emb), subset (sub) and with a ToUnicode map (uni).
  fonts=$(pdffonts "$work/$pdf.pdf" | tail -n +3)
  if [[ $(wc -l <<<"$fonts") -ne 1 ]] || ! grep -Eq 'yes +yes +yes' <<<"$fonts"; then
    echo "FAIL: $pdf.pdf: expected one embedded subset font with ToUnicode, found:" >&2
    echo "$fonts" >&2
    exit 1
  fi
  pdftotext "$work/$pdf.pdf" "$work/$pdf.txt"
done

# What must come back from the PDFs' text: every code (the CSV's 标定区域编号 column) and every
# heading and box title of the plan (read from the bundled data file). Lines wrapped in the PDF
# are compared without white space.
python3 - "$work" <<'PY'
import csv, pathlib, re, sys

work = pathlib.Path(sys.argv[1])
failures = []

def flat(text):
    return re.sub(r"\s+", "", text)

table_text = flat((work / "land-prices.txt").read_text(encoding="utf-8"))
with open(work / "land-prices.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
code = rows[0].index("标定区域编号")
codes = [row[code] for row in rows[1:]]
if len(codes) != 66:
    failures.append(f"expected 66 rows in the CSV, found {len(codes)}")
missing = [c for c in codes if c not in table_text]
if missing:
    failures.append(f"codes missing from land-prices.pdf: {missing}")
if "第1页共" not in table_text:
    failures.append("no page number 第 1 页 共 N 页 in land-prices.pdf")

data = pathlib.Path("assets/gazette-2023-03.ron").read_text(encoding="utf-8")
start = data.index('id: "pharma-plan-notice"')
end = data.index('\n        (\n            id: "', start)
document = data[start:end]
headings = [n + t for n, t in re.findall(
    r'Heading\(\s*level: \d+,\s*numbering: "(.*?)",\s*text: "(.*?)",', document)]
boxes = re.findall(r'Box\(\s*number: (?:Some\((\d+)\)|None),\s*title: "(.*?)",', document)
titles = [f"专栏{n}{t}" if n else f"专栏{t}" for n, t in boxes]
plan_text = flat((work / "pharma-plan.txt").read_text(encoding="utf-8"))
if len(headings) < 10:
    failures.append(f"only {len(headings)} headings found in the data file: the pattern is stale")
missing = [h for h in headings + titles if flat(h) not in plan_text]
if missing:
    failures.append(f"headings missing from pharma-plan.pdf: {missing}")

if failures:
    print("FAIL:", *failures, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"ok: {len(codes)} codes in land-prices.pdf; {len(headings)} headings and "
      f"{len(titles)} boxes in pharma-plan.pdf")
PY

shots="$root/docs/screenshots/pdf"
mkdir -p "$shots"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/land-prices.pdf" "$shots/land-prices-page1"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/pharma-plan.pdf" "$shots/pharma-plan-page1"
for pdf in land-prices pharma-plan; do
  echo "$pdf.pdf: $(grep '^Pages:' "$work/$pdf.info" | tr -s ' ') , $(stat -c %s "$work/$pdf.pdf") bytes"
done
echo "page images: docs/screenshots/pdf/"

#!/usr/bin/env bash
# Make the embedded Chinese font: a subset of Noto Sans CJK SC (SIL OFL 1.1) that covers all of
# GB2312, ASCII, common punctuation and every character of the bundled data and the source
# (UI strings, cross-check messages), so Chinese renders on a machine with no CJK font at all.
#
#   scripts/make-font-subset.sh        (run from anywhere; writes into assets/fonts/)
#
# Installs what it needs: Debian's fonts-noto-cjk (apt-get, as root) and fontTools (pip).
# Re-run it whenever assets/*.ron or src/ui/strings.rs gain a character; tests/font_coverage.rs
# fails until you do.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
face=2 # 0 JP, 1 KR, 2 SC, 3 TC, 4 HK in Debian's collection
out="$root/assets/fonts/NotoSansSC-subset.otf"
licence="$root/assets/fonts/OFL.txt"

if [[ ! -f $ttc ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk
fi
python3 -c 'import fontTools' 2>/dev/null || pip3 install -q fonttools

mkdir -p "$root/assets/fonts"
chars=$(mktemp)
trap 'rm -f "$chars"' EXIT

python3 - "$root" "$chars" "$ttc" "$face" <<'PY'
import pathlib, sys
from fontTools.ttLib import TTCollection

root, chars_path, ttc, face = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
name = TTCollection(ttc).fonts[face]["name"].getDebugName(4)
if name != "Noto Sans CJK SC":
    sys.exit(f"face {face} of {ttc} is {name!r}, not Noto Sans CJK SC")

chars = set()
# All of GB2312: every valid two-byte sequence A1A1–F7FE.
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
chars.update(chr(c) for c in range(0x20, 0x7F))  # ASCII
chars.update("　、。〈〉《》「」『』【】〔〕（）［］｛｝，：；！？％＋－＝～…—–·‘’“”•℃²³°±×÷≤≥≠←→↔↑↓①②③④⑤⑥⑦⑧⑨⑩㎡")
files = sorted(root.glob("assets/*.ron")) + sorted(root.glob("src/**/*.rs"))
for path in files:
    chars.update(path.read_text(encoding="utf-8"))
chars = {c for c in chars if c.isprintable() and c not in "\t\r\n"}
pathlib.Path(chars_path).write_text("".join(sorted(chars)), encoding="utf-8")
print(f"{len(chars)} characters from GB2312, ASCII, punctuation and {len(files)} files")
PY

pyftsubset "$ttc" --font-number="$face" --text-file="$chars" --output-file="$out" \
  --layout-features='kern,liga,ccmp,locl' --no-hinting --desubroutinize=false \
  --name-IDs='*' --name-languages='*' --drop-tables+=VORG,vhea,vmtx,DSIG
python3 - "$out" <<'PY'
import os, sys
size = os.path.getsize(sys.argv[1])
print(f"{sys.argv[1]}: {size / 1e6:.2f} MB")
if size >= 4_000_000:
    sys.exit("the embedded font must stay under 4 MB")
PY

# The OFL text as Debian records it for Noto CJK (the "License: SIL-1.1" stanza of copyright).
python3 - /usr/share/doc/fonts-noto-cjk/copyright "$licence" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
start = next(i for i, l in enumerate(lines) if l.strip() == "License: SIL-1.1" and i + 1 < len(lines) and lines[i + 1].startswith(" "))
body = []
for line in lines[start + 1:]:
    if not line.startswith(" "):
        break
    body.append("" if line.strip() == "." else line[1:])
header = ("Noto Sans CJK SC — Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font\n"
          "Name 'Source'. The file NotoSansSC-subset.otf beside this licence is a subset of it made by\n"
          "scripts/make-font-subset.sh.\n\n")
open(sys.argv[2], "w", encoding="utf-8").write(header + "\n".join(body) + "\n")
print(f"{sys.argv[2]}: {len(body)} lines")
PY

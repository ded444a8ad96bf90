#!/usr/bin/env bash
# Types Chinese into the real window through a real input method: Fcitx5 with its pinyin engine
# (Debian's fcitx5-chinese-addons) on a virtual X display, as a clerk on Linux would. Issue 16's
# IME trial; README "输入法 (IME)" has what it showed.
#
#   scripts/try-ime.sh [--on-the-spot] OUT_DIR STEPS -- PROGRAM [ARGS...]
#
# STEPS is a shell snippet run once the window is up, with DISPLAY set, e.g.
#   'xdotool key ctrl+k; xdotool key ctrl+space; xdotool type yaogu; sleep 1;
#    import -window root "$OUT/candidates.png"'
# --on-the-spot turns on Fcitx5's XIM "UseOnTheSpot", so the composition is drawn in the text box
# by the program (egui) instead of in Fcitx5's own panel.
# Installs what it needs with apt the first time (root only).
set -euo pipefail

on_the_spot=0
if [[ ${1:-} == --on-the-spot ]]; then on_the_spot=1; shift; fi
OUT=${1:?OUT_DIR}; STEPS=${2:?STEPS}; shift 2
[[ ${1:-} == -- ]] && shift
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd); export OUT

need=()
for tool in Xvfb:xvfb openbox:openbox xdotool:xdotool import:imagemagick fcitx5:fcitx5 \
  dbus-launch:dbus-x11; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
dpkg -s fcitx5-chinese-addons >/dev/null 2>&1 || need+=(fcitx5-chinese-addons)
if ((${#need[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi

export DISPLAY=:83
Xvfb "$DISPLAY" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null; sleep 0.5; rm -rf "$home" 2>/dev/null || true' EXIT
sleep 1
export HOME=$home
mkdir -p "$HOME/.config/fcitx5/conf"
cat >"$HOME/.config/fcitx5/profile" <<'PROFILE'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
PROFILE
if ((on_the_spot)); then printf 'UseOnTheSpot=True\n' >"$HOME/.config/fcitx5/conf/xim.conf"; fi
eval "$(dbus-launch --sh-syntax)"
openbox >/dev/null 2>&1 &
fcitx5 -d --replace >"$OUT/fcitx5.log" 2>&1
sleep 2
export XMODIFIERS=@im=fcitx GTK_IM_MODULE=fcitx QT_IM_MODULE=fcitx
"$@" >"$OUT/program.log" 2>&1 &
program=$!
sleep 4
window=$(xdotool search --pid "$program" | tail -1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
xdotool windowfocus "$window"
sleep 1
eval "$STEPS"
kill "$program" 2>/dev/null || true
fcitx5-remote -e 2>/dev/null || true
kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true

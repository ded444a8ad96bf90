#!/usr/bin/env bash
# Time from launch until a program's window is visible, polled every 5 ms under Xvfb, for two
# programs side by side (alternating runs, so both see the same machine load).
#
#   scripts/time-to-window.sh RUNS PROGRAM_A PROGRAM_B
#
# Prints each run and the median of each program. Installs Xvfb and xdotool if missing (root).
set -euo pipefail
runs=${1:?runs}; a=${2:?program a}; b=${3:?program b}
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
dpkg -s libgl1-mesa-dri >/dev/null 2>&1 || need+=(libgl1-mesa-dri libgl1 libglx-mesa0 libegl1)
if [[ ${#need[@]} -gt 0 ]]; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
display=:$((150 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null' EXIT
sleep 0.5
work=$(mktemp -d)
measure() {
  local start end pid
  start=$(date +%s%N)
  env -u WAYLAND_DISPLAY DISPLAY="$display" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" "$1" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 2000); do
    if DISPLAY="$display" xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; then break; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
: >"$work/a"; : >"$work/b"
for i in $(seq "$runs"); do
  ta=$(measure "$a"); tb=$(measure "$b")
  echo "run $i: $(basename "$a") ${ta} ms, $(basename "$b") ${tb} ms"
  echo "$ta" >>"$work/a"; echo "$tb" >>"$work/b"
done
ma=$(median <"$work/a"); mb=$(median <"$work/b")
echo "median: $(basename "$a") ${ma} ms, $(basename "$b") ${mb} ms, ratio $(echo "scale=2; $mb / $ma" | bc)"
rm -rf "$work"

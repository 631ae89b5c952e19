#!/usr/bin/env bash
# What a user sees from `newsreader show` on seed 000, photographed in real terminals under Xvfb:
#   screenshots/show-seed000-xterm-app.png        xterm (no bidi), DejaVu Sans Mono, --bidi app
#   screenshots/show-seed000-mlterm-terminal.png  mlterm (does bidi and shaping), --bidi terminal
# Needs: apt-get install xvfb xterm mlterm xdotool imagemagick fonts-dejavu-core
# Usage: scripts/screenshots_show.sh [newsreader command]   (default: .venv's, else python3 -m reader)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then NR="$*"
elif [ -x .venv/bin/newsreader ]; then NR="$(pwd)/.venv/bin/newsreader"
else NR="python3 -m reader"; fi
OUT=$(pwd)/screenshots
SEED=$(pwd)/seeds/000_abffabad426bfcef.txt
WORK=$(mktemp -d)
mkdir -p "$OUT"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 PYTHONPATH="$(pwd)${PYTHONPATH:+:$PYTHONPATH}"
export NEWSREADER_DB=$WORK/db XDG_CONFIG_HOME=$WORK/config
unset NEWSREADER_BIDI COLUMNS

Xvfb -displayfd 3 -screen 0 1200x1000x24 3>"$WORK/display" >/dev/null 2>&1 &
XVFB=$!
TERM_PID=""
cleanup() {
  [ -n "$TERM_PID" ] && kill "$TERM_PID" 2>/dev/null || true
  kill "$XVFB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$WORK/display")"

# shot NAME CLASS COMMAND...: start a terminal, wait for its window, let it draw, photograph it.
shot() {
  local name=$1 class=$2; shift 2
  "$@" >/dev/null 2>&1 &
  TERM_PID=$!
  local win
  win=$(timeout 20 xdotool search --sync --onlyvisible --class "$class" | head -1)
  sleep 3
  import -window "$win" "$OUT/$name.png"
  kill "$TERM_PID" 2>/dev/null || true
  wait "$TERM_PID" 2>/dev/null || true
  TERM_PID=""
  echo "$OUT/$name.png"
}

SHOW_APP="$NR show $SEED --width 80 --bidi app; sleep 60"
SHOW_TERMINAL="$NR show $SEED --width 80 --bidi terminal; sleep 60"
shot show-seed000-xterm-app XTerm \
  xterm -fa "DejaVu Sans Mono" -fs 12 -geometry 80x44+0+0 -bg white -fg black \
  -e sh -c "$SHOW_APP"
shot show-seed000-mlterm-terminal mlterm \
  mlterm -w 16 --deffont "DejaVu Sans Mono" -g 80x44+0+0 --bg white --fg black \
  -e sh -c "$SHOW_TERMINAL"

#!/usr/bin/env bash
# Screenshots of what a user sees, taken from real terminals under Xvfb:
#   screenshots/app-xterm-100x30.png        the app in xterm (DejaVu Sans Mono), seed 000 open
#   screenshots/app-xterm-80x24.png         the narrow layout
#   screenshots/show-seed000-xterm-app.png  `newsreader show` in xterm, --bidi app
#   screenshots/show-seed000-mlterm-terminal.png  `newsreader show` in mlterm, --bidi terminal
#   screenshots/app-sakura-100x30.png       the app in sakura (VTE: a terminal that does bidi
#                                           itself), app mode: VTE honours CSI 8 l
#   screenshots/show-seed000-sakura-terminal.png  `newsreader show` in sakura, --bidi
#                                           terminal: VTE shapes and reorders logical text
# Needs: apt-get install xvfb xterm mlterm sakura xdotool imagemagick fonts-dejavu-core
# xterm runs with TERM=xterm-256color (its own default, "xterm", has 8 colours), as sakura does.
# Usage: scripts/screenshots.sh [path/to/newsreader]
set -euo pipefail
cd "$(dirname "$0")/.."
NR=${1:-$(pwd)/.venv/bin/newsreader}
OUT=$(pwd)/screenshots
WORK=$(mktemp -d)
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$WORK"' EXIT
export HOME=$WORK  # sakura and mlterm write their settings under $HOME
export NEWSREADER_DB=$WORK/db XDG_CONFIG_HOME=$WORK/config LANG=C.UTF-8 LC_ALL=C.UTF-8
SEED=seeds/000_abffabad426bfcef.txt

Xvfb :77 -screen 0 1400x900x24 >/dev/null 2>&1 & XVFB=$!
export DISPLAY=:77
sleep 1
"$NR" list >/dev/null  # seed the database

# shot NAME COMMAND...: run COMMAND in a terminal window, wait, screenshot the window.
shot() {
  local name=$1 keys=$2; shift 2
  "$@" & local pid=$!
  sleep 3
  local win
  win=$(xdotool search --sync --onlyvisible --pid "$pid" | head -1)
  for key in $keys; do xdotool key --window "$win" "$key"; sleep 0.7; done
  sleep 1
  import -window "$win" "$OUT/$name.png"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

XTERM=(xterm -tn xterm-256color -fa "DejaVu Sans Mono" -fs 12 -bg "#1e1e2e" -fg "#e0e0e0" -xrm "XTerm*allowSendEvents: true")
shot app-xterm-100x30 "Return Tab Tab" "${XTERM[@]}" -geometry 100x30 -e "$NR" --bidi app
shot app-xterm-80x24 "Return" "${XTERM[@]}" -geometry 80x24 -e "$NR" --bidi app
shot show-seed000-xterm-app "" "${XTERM[@]}" -geometry 80x40 -e sh -c \
  "$NR show $SEED --width 80 --bidi app; sleep 30"
shot show-seed000-mlterm-terminal "" mlterm --fontsize=16 -w 16 --deffont="DejaVu Sans Mono" \
  -g 80x40 -e sh -c "$NR show $SEED --width 80 --bidi terminal; sleep 30"
SAKURA=(sakura -f "DejaVu Sans Mono 12")
# no keys: GTK ignores synthetic key events; the app reopens the article the xterm shot opened
shot app-sakura-100x30 "" "${SAKURA[@]}" -c 100 -r 30 -x "$NR --bidi app"
shot show-seed000-sakura-terminal "" "${SAKURA[@]}" -c 80 -r 40 -x \
  "sh -c '$NR show $SEED --width 80 --bidi terminal; sleep 30'"
ls -l "$OUT"

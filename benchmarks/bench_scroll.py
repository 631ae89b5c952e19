"""Bytes of a one-line scroll and a page down of an open article, beside the ticker (100x30,
the wide layout), in xterm under Xvfb: newsreader with the terminal's left and right margins
(xterm has them), newsreader with them off (NEWSREADER_MARGINS=off: the pane is repainted,
as in tmux or VTE), and newsboat (default keys, its full-width article view).

Every app runs under `script -f`, which logs each byte it writes (what would cross an SSH
link); a key's bytes are what the log grew by until it was quiet for QUIET seconds. The
feed is bench_ssh.py's: the same generated 1,000-item Arabic feed for both apps.

Usage: python benchmarks/bench_scroll.py [--repeat N] [--quiet S] [--items N] [--size 80x24]
(the narrow layout: the article the full width, no margins needed). Needs xvfb,
xterm, xdotool, x11-apps, xfonts-base and /usr/bin/newsboat. Not a test: nothing is
asserted; the figures go in docs/ssh.md ("Scrolling: the terminal's scroll region").
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_ssh import NEWSREADER, feed, newsboat_command  # noqa: E402
from tests.xterm_session import Xterm, Xvfb, missing_tools  # noqa: E402

NEWSBOAT = "/usr/bin/newsboat"
# (label, newsreader key, newsboat key), as xdotool names them
KEYS = [("scroll one line", "Down", "Down"), ("page down", "Next", "space")]


def press(term: Xterm, key: str, quiet: float) -> int:
    """The bytes one key made the app write (0 if nothing within 10 s)."""
    before = len(term.output())
    term.key(key)
    try:
        term.wait_until(lambda: len(term.output()) > before, timeout=10)
    except AssertionError:
        return 0
    return term.settle(quiet=quiet) - before


def measure(term: Xterm, app: int, repeat: int, quiet: float) -> dict[str, list[int]]:
    """app: 1 for newsreader's keys, 2 for newsboat's; the cursor on the newest article.
    Each round opens the next article, scrolls a line and a page, and goes back to the list
    (a page down more would reach a short article's end)."""
    out: dict[str, list[int]] = {label: [] for label, *_ in KEYS}
    back, down = ("Tab", "Down") if app == 1 else ("q", "Down")
    for _ in range(repeat):
        press(term, "Return", quiet)
        for label, *keys in KEYS:
            out[label].append(press(term, keys[app - 1], quiet))
        press(term, back, quiet)  # newsreader: the focus back on the ticker
        press(term, down, quiet)
    return out


def run_newsreader(
    x: Xvfb, work: Path, feed_path: Path, margins: bool, args: argparse.Namespace
) -> dict[str, list[int]]:
    name = "nr-on" if margins else "nr-off"
    env = {
        "NEWSREADER_DB": str(work / f"{name}-db"),
        "XDG_CONFIG_HOME": str(work / f"{name}-config"),
        "HOME": str(work),
        "LANG": "C.UTF-8",
        **({} if margins else {"NEWSREADER_MARGINS": "off"}),
    }
    subprocess.run(
        [str(NEWSREADER), "import", str(feed_path)],
        env={**os.environ, **env},
        check=True,
        capture_output=True,
    )
    term = Xterm(x, f"{NEWSREADER} --bidi app", env, *size(args))
    try:
        term.wait_for("articles", timeout=120)
        term.settle(quiet=2)
        return measure(term, 1, args.repeat, args.quiet)
    finally:
        term.close()


def run_newsboat(
    x: Xvfb, work: Path, feed_path: Path, args: argparse.Namespace
) -> dict[str, list[int]]:
    command = newsboat_command(work, feed_path)
    term = Xterm(x, command, {"HOME": str(work), "LANG": "C.UTF-8"}, *size(args))
    try:
        term.wait_for("أخبار", timeout=120)
        term.settle(quiet=2)
        press(term, "Return", args.quiet)  # into the feed's article list
        return measure(term, 2, args.repeat, args.quiet)
    finally:
        term.close()


def size(args: argparse.Namespace) -> tuple[int, int]:
    width, height = args.size.split("x")
    return int(width), int(height)


def median(values: list[int]) -> float:
    return statistics.median(values) if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="articles opened")
    parser.add_argument("--quiet", type=float, default=0.8, help="seconds that end a burst")
    parser.add_argument("--items", type=int, default=1000, help="items in the feed")
    parser.add_argument("--size", default="100x30", help="80x24: the narrow layout")
    args = parser.parse_args()
    missing = missing_tools() + ([NEWSBOAT] if not Path(NEWSBOAT).exists() else [])
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)}")
    load_before = os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="bench-scroll-"))
    x = Xvfb()
    try:
        feed_path = work / "feed.xml"
        feed(feed_path, args.items)
        ours = run_newsreader(x, work, feed_path, True, args)
        off = run_newsreader(x, work, feed_path, False, args)
        theirs = run_newsboat(x, work, feed_path, args)
    finally:
        x.close()
        shutil.rmtree(work, ignore_errors=True)
    loads = (" ".join(f"{n:.2f}" for n in load) for load in (load_before, os.getloadavg()))
    print(f"{args.items}-item Arabic feed, {args.size} in xterm, {args.repeat} articles, medians")
    print("load average (1, 5, 15 min): {} before, {} after".format(*loads))
    print(f"{'keypress':<16} {'newsreader':>12} {'margins off':>12} {'newsboat':>10} {'ratio':>7}")
    for label, *_ in KEYS:
        a, b, c = (median(result[label]) for result in (ours, off, theirs))
        print(f"{label:<16} {a:>12.0f} {b:>12.0f} {c:>10.0f} {a / c if c else 0:>6.2f}x")
    for name, result in (("newsreader", ours), ("margins off", off), ("newsboat", theirs)):
        print(f"{name}: " + "; ".join(f"{k}: {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()

"""Bytes per keypress over a terminal link, newsreader beside newsboat, and keypress latency.

Both apps run in tmux at 100x30 on the same generated 1,000-item Arabic RSS feed; `tmux
pipe-pane` records every byte each app writes. For each keypress the benchmark waits until
the output has been quiet for a while and counts what was written (and how long after the key
the last byte came: keypress-to-screen latency, tmux's own delivery included).

Usage: python benchmarks/bench_ssh.py [--repeat N] [--items N] [--big N] [--rows] [--keep DIR]
[--quiet S] [--sizes] [--feed varied]. `--feed varied` makes every item of its own sentences
(from tests/data's labelled news sentences), so every article names other people, places and
organisations, as real news does: the default feed's items share their paragraphs' words and
names (each starts from a different word), so the entity sidebar hardly changes from one open
to the next. The second table splits each press into the characters of the cells written
(the floor: what any encoding of the moves and colours must still send) and the rest. The
row "down, list scrolls" is Downs past the list's last row on screen (a new row each, however
each app scrolls), with its mean under the table. On a loaded machine a burst can pause
longer than QUIET, and one key's bytes are counted with the next (a 0 among the sizes):
`--quiet 0.8` and `--sizes` (every press's size, to compare two runs press by press). Not a
test: nothing is asserted. Numbers go in the README (docs/ssh.md says what they mean).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_abffabad426bfcef.txt"
QUIET = 0.35  # seconds without output that end a keypress's burst
WIDTH, HEIGHT = 100, 30
NEWSREADER = Path(sys.executable).with_name("newsreader")

# (label, newsreader key, newsboat key); each app is first brought to the right view
LIST_KEYS = [("cursor down", "Down", "Down"), ("cursor up", "Up", "Up")]
OPEN_KEY = ("open item (Enter)", "Enter", "Enter")
ARTICLE_KEYS = [("scroll one line", "Down", "Down"), ("page down", "PageDown", "Space")]
# both keys in one send-keys: Enter comes before the cursor has rested on the row, so
# newsreader has read nothing ahead (reader/ui/screens/read_ahead.py): the open's whole path
AT_ONCE = ("move + open at once", "Down Enter", "Down Enter")
# Downs that go past the list's last row on screen, one at a time (the cursor rows above
# measure moves within the screen): each a new row scrolled in, in whatever way each app has
SCROLLING = "down, list scrolls"


def rotated(paragraph: str, i: int) -> str:
    """The paragraph's words from a point that differs per item: every item's lines differ
    from every other's, as real articles do (with the same paragraphs in each, an article
    opened after another one scrolled down showed many of the same lines, and a writer that
    sends only changed cells sent little)."""
    words = paragraph.split()
    start = (7 * i + 3) % len(words)
    return " ".join(words[start:] + words[:start])


def feed(path: Path, n: int) -> None:
    """An RSS 2.0 feed of n Arabic items, each with a long body (seed 000's paragraphs, their
    words rotated per item)."""
    body = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p][2:14]
    items = []
    for i in range(n):
        title = f"خبر رقم {i} عن الأحداث الجارية في المنطقة والعالم"
        day, minute = 1 + i // 100, i % 60
        text = "".join(f"<p>{html.escape(rotated(p, i))}</p>" for p in (body * 2)[i % 3 :])
        items.append(
            f"<item><title>{title}</title><link>http://127.0.0.1/{i}</link>"
            f"<guid>bench-{i}</guid>"
            f"<pubDate>{['Mon', 'Tue'][i % 2]}, {day:02} Nov 2021 {i % 24:02}:{minute:02}:00 "
            f"+0000</pubDate><description>{html.escape(text)}</description></item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>أخبار</title><link>http://127.0.0.1/</link><description>bench</description>"
        f"{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )


def varied_feed(path: Path, n: int) -> None:
    """An RSS feed of n items, each of its own news sentences (seeded: the same feed every
    run): a title from one sentence's first words, sixteen paragraphs of four sentences
    (about 700 words, a news article's length)."""
    sentences = [
        json.loads(line)["text"]
        for source in sorted((ROOT / "tests" / "data").glob("ner_eval_*.jsonl"))
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    pick, items = random.Random(7), []
    for i in range(n):
        title = " ".join(pick.choice(sentences).split()[:9])
        text = "".join(
            f"<p>{html.escape(' '.join(pick.sample(sentences, 4)))}</p>" for _ in range(16)
        )
        items.append(
            f"<item><title>{html.escape(title)}</title><link>http://127.0.0.1/{i}</link>"
            f"<guid>varied-{i}</guid><pubDate>Mon, {1 + i // 100:02} Nov 2021 {i % 24:02}:"
            f"{i % 60:02}:00 +0000</pubDate><description>{html.escape(text)}</description></item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>أخبار</title><link>http://127.0.0.1/</link><description>varied</description>"
        f"{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )


CONTROLS = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[^\[]|[\x00-\x1f]")


def characters(log: Path, press: Press) -> int:
    """The bytes of a burst that are characters put in cells: not escapes, not controls."""
    with log.open("rb") as file:
        file.seek(press.start)
        return len(CONTROLS.sub(b"", file.read(press.end - press.start)))


class Pane:
    """One tmux server with one window running `command`, its output piped to a file."""

    def __init__(self, command: str, env: dict[str, str], log: Path) -> None:
        self.socket, self.log = f"bench-{uuid.uuid4().hex[:8]}", log
        extra = [f"-e{k}={v}" for k, v in env.items()]
        self.tmux("new-session", "-d", "-s", "b", "-x", str(WIDTH), "-y", str(HEIGHT), *extra)
        self.tmux("set-option", "-t", "b", "status", "off")
        self.tmux("pipe-pane", "-o", "-t", "b", f"cat >> {log}")
        self.tmux("send-keys", "-t", "b", "-l", f"exec {command}")
        self.tmux("send-keys", "-t", "b", "Enter")

    def tmux(self, *args: str) -> str:
        env = {**os.environ, "TMUX": ""}
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=env
        )
        if done.returncode:
            raise SystemExit(f"tmux {args}: {done.stderr}")
        return done.stdout

    def size(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def settle(self, timeout: float = 60, quiet: float | None = None) -> None:
        """Wait until nothing has been written for `quiet` seconds (default QUIET)."""
        quiet = QUIET if quiet is None else quiet
        last, since, deadline = -1, time.monotonic(), time.monotonic() + timeout
        while time.monotonic() < deadline:
            now = self.size()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since > quiet:
                return
            time.sleep(0.01)

    def wait_for(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.tmux("capture-pane", "-p", "-t", "b"):
            if time.monotonic() > deadline:
                raise SystemExit(f"{text!r} never appeared:\n{self.screen()}")
            time.sleep(0.1)
        self.settle()

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "b")

    def press(self, key: str) -> Press:
        """Bytes written, seconds from the key to the last byte, where in the log."""
        before = self.size()
        sent = time.monotonic()
        self.tmux("send-keys", "-t", "b", *key.split(" "))
        last_change, last, first = sent, before, 0.0
        while True:
            now = self.size()
            if now != last:
                last, last_change = now, time.monotonic()
                first = first or last_change - sent
            elif time.monotonic() - max(last_change, sent) > QUIET:
                break
            time.sleep(0.002)
        took = last_change - sent if last != before else 0.0
        return Press(last - before, took, first, before, last)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@dataclass(frozen=True)
class Press:
    size: int  # bytes written
    seconds: float  # from send-keys to the last byte
    first: float  # from send-keys to the first byte
    start: int  # offsets of the burst in the pane's log
    end: int


Result = dict[str, list[Press]]


def rows_painted(log: Path, press: Press) -> str:
    """Which screen rows a burst wrote to, and how many bytes each: what got repainted."""
    with log.open("rb") as file:
        file.seek(press.start)
        burst = file.read(press.end - press.start)
    per_row: dict[int, int] = {}
    row, at = 0, 0
    for move in re.finditer(rb"\x1b\[(\d+)(?:;\d+)?H", burst):
        per_row[row] = per_row.get(row, 0) + move.start() - at
        row, at = int(move.group(1)), move.start()
    per_row[row] = per_row.get(row, 0) + len(burst) - at
    per_row.pop(0, None)
    return " ".join(f"{r}:{n}" for r, n in sorted(per_row.items()) if n) or "-"


def measure(pane: Pane, app: int, repeat: int) -> Result:
    """app: 1 for newsreader's key, 2 for newsboat's."""
    out: Result = {}
    for _ in range(repeat):
        for keys in LIST_KEYS:
            out.setdefault(keys[0], []).append(pane.press(keys[app]))
    for _ in range(repeat):
        out.setdefault(OPEN_KEY[0], []).append(pane.press(OPEN_KEY[app]))
        for _ in range(3):  # a page down needs somewhere to go
            for keys in ARTICLE_KEYS:
                out.setdefault(keys[0], []).append(pane.press(keys[app]))
        pane.press("q" if app == 2 else "Tab")  # back to the list (newsreader: focus ticker)
        pane.settle()
        out.setdefault(LIST_KEYS[0][0], []).append(pane.press(LIST_KEYS[0][app]))
    for _ in range(repeat):
        out.setdefault(AT_ONCE[0], []).append(pane.press(AT_ONCE[app]))
        pane.press("q" if app == 2 else "Tab")
        pane.settle()
    for _ in range(HEIGHT):  # to the list's last row on screen (or past it)
        pane.press("Down")
    out[SCROLLING] = [pane.press("Down") for _ in range(repeat * HEIGHT // 2)]
    return out


@contextmanager
def workdir(keep: str | None) -> Iterator[Path]:
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        yield Path(keep)
    else:
        with tempfile.TemporaryDirectory() as folder:
            yield Path(folder)


def run_newsreader(work: Path, feed_path: Path, repeat: int, big: int) -> tuple[Result, Path]:
    env = {
        "NEWSREADER_DB": str(work / "nr-db"),
        "XDG_CONFIG_HOME": str(work / "nr-config"),
        "HOME": str(work),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    if not (work / "nr-db").exists():  # (with --keep, a store made before is used again)
        subprocess.run(
            [str(NEWSREADER), "import", str(feed_path)],
            env={**os.environ, **env},
            check=True,
            capture_output=True,
        )
        if big:
            grow(work / "nr-db", big)
    pane = Pane(f"{NEWSREADER} --bidi app", env, work / "newsreader.out")
    try:
        pane.wait_for("articles")
        if big:  # a large store goes on loading after the first screen: wait until it is done
            pane.settle(timeout=300, quiet=10)
        return measure(pane, 1, repeat), pane.log
    finally:
        pane.close()


def grow(db: Path, n: int) -> None:
    """Add n older articles straight through the library (latency at a large store); the
    feed's items stay the newest, so the keys still act on them."""
    sys.path.insert(0, str(ROOT))
    from reader.library.store import ArticleStore
    from reader.models import Article

    body = tuple(p for p in SEED.read_text(encoding="utf-8").split("\n") if p)[:6]
    store = ArticleStore(db)
    for start in range(0, n, 5000):
        batch = []
        for i in range(start, min(n, start + 5000)):
            title = f"خبر قديم رقم {i} عن الأحداث الجارية في المنطقة"
            day = f"2019-{1 + i % 12:02}-{1 + i % 28:02}"
            batch.append(Article(Article.make_id(title, body), title, body, "bench", day))
        store.add(batch, [])
    # one reading state written, as any use of the app writes one (a store with no state.json
    # used to report a change every second, and the app rebuilt every row: docs/ssh.md)
    store.reading.set_state(batch[-1].id, starred=False)
    store.close()


def newsboat_command(work: Path, feed_path: Path) -> str:
    """newsboat with its default keys and settings on this feed alone, its cache loaded."""
    urls, cache, config = work / "urls", work / "cache.db", work / "newsboat.conf"
    urls.write_text(f"file://{feed_path}\n")
    config.write_text("")  # default keys and settings
    base = f"/usr/bin/newsboat -u {urls} -c {cache} -C {config}"
    subprocess.run([*base.split(), "-x", "reload"], check=True, capture_output=True)
    return base


def run_newsboat(work: Path, feed_path: Path, repeat: int) -> tuple[Result, Path]:
    env = {"HOME": str(work), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    pane = Pane(newsboat_command(work, feed_path), env, work / "newsboat.out")
    try:
        pane.wait_for("أخبار")
        pane.press("Enter")  # into the feed's article list
        pane.settle()
        return measure(pane, 2, repeat), pane.log
    finally:
        pane.close()


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def painted(result: Result, log: Path) -> None:
    """Rows written by each kind of keypress (its median-sized press): row:bytes."""
    for label, presses in result.items():
        press = sorted(presses, key=lambda p: p.size)[len(presses) // 2]
        print(f"  {label:<18} {rows_painted(log, press)}")


def split(ours: tuple[Result, Path], theirs: tuple[Result, Path] | None) -> None:
    """Each kind of press (medians): the characters written and the rest (moves, colours)."""
    print("\nof which characters (cells' own bytes) + the rest (moves, erases, SGR), medians")
    print(f"{'keypress':<20} {'newsreader':>20} {'newsboat':>18}")
    for label in ours[0]:
        line = f"{label:<20}"
        for result, log in (ours, *((theirs,) if theirs else ())):
            sizes = [p.size for p in result[label]]
            chars = [characters(log, p) for p in result[label]]
            chars_median = statistics.median(chars)
            rest = statistics.median(sizes) - chars_median
            line += f" {chars_median:>9,.0f} + {rest:<7,.0f}"
        print(line)


def report(ours: Result, theirs: Result | None) -> None:
    print(f"{'keypress':<20} {'newsreader bytes':>20} {'newsboat bytes':>18} {'ratio':>7}")
    for label in ours:
        mine = [p.size for p in ours[label]]
        line = f"{label:<20} {min(mine):>8,}-{max(mine):<8,} med {statistics.median(mine):>7,.0f}"
        if theirs is not None:
            peer = [p.size for p in theirs[label]]
            ratio = statistics.median(mine) / max(1, statistics.median(peer))
            line += f" {min(peer):>6,}-{max(peer):<6,} {ratio:6.2f}x"
        print(line)
    print("\nms from the key to the last byte (p50 / p95), newsreader's first byte in brackets")
    print(f"{'keypress':<20} {'newsreader':>26} {'newsboat':>18}")
    for label in ours:
        mine = [p.seconds * 1000 for p in ours[label]]
        firsts = [p.first * 1000 for p in ours[label] if p.size]
        line = f"{label:<20} {statistics.median(mine):>6.1f} / {p95(mine):<6.1f}"
        line += f" ({p95(firsts) if firsts else 0:5.1f})"
        if theirs is not None:
            peer = [p.seconds * 1000 for p in theirs[label]]
            line += f" {statistics.median(peer):>8.1f} / {p95(peer):<6.1f}"
        print(line)


def main() -> None:
    global WIDTH, HEIGHT, QUIET
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds of keys (default 5)")
    parser.add_argument("--items", type=int, default=1000, help="feed items (default 1000)")
    parser.add_argument(
        "--big", type=int, default=0, help="also add N articles to newsreader's store (latency)"
    )
    parser.add_argument("--size", default="100x30", help="terminal size (default 100x30)")
    parser.add_argument("--no-newsboat", action="store_true", help="measure newsreader only")
    parser.add_argument(
        "--keep", help="keep the work files (captures, stores) in this directory; reuse its store"
    )
    parser.add_argument("--rows", action="store_true", help="show which rows each key repaints")
    parser.add_argument("--quiet", type=float, default=QUIET, help="seconds that end a burst")
    parser.add_argument("--sizes", action="store_true", help="print every press's bytes")
    parser.add_argument(
        "--feed",
        choices=("shared", "varied"),
        default="shared",
        help="shared: items share their words and names (default); varied: each item its own "
        "news sentences, so every article has other entities",
    )
    args = parser.parse_args()
    QUIET = args.quiet
    WIDTH, HEIGHT = (int(n) for n in args.size.split("x"))
    for tool in ("tmux", *(() if args.no_newsboat else ("/usr/bin/newsboat",))):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing")
    load_before = os.getloadavg()
    with workdir(args.keep) as work:
        feed_path = work / "feed.xml"
        (varied_feed if args.feed == "varied" else feed)(feed_path, args.items)
        peer = None if args.no_newsboat else run_newsboat(work, feed_path, args.repeat)
        ours, log = run_newsreader(work, feed_path, args.repeat, args.big)
        print(
            f"{args.items}-item Arabic feed ({args.feed}), {WIDTH}x{HEIGHT} in tmux, "
            f"{args.repeat} rounds"
        )
        loads = (" ".join(f"{n:.2f}" for n in load) for load in (load_before, os.getloadavg()))
        print("load average (1, 5, 15 min): {} before, {} after".format(*loads))
        if args.big:
            print(f"newsreader store grown by {args.big} articles")
        report(ours, peer[0] if peer else None)
        mean = (
            f" against newsboat's {statistics.mean(p.size for p in peer[0][SCROLLING]):,.0f}"
            if peer
            else ""
        )
        print(
            f"{SCROLLING}: mean {statistics.mean(p.size for p in ours[SCROLLING]):,.0f} bytes"
            f" a press{mean}"
        )
        split((ours, log), peer)
        if args.sizes:
            for name, result in (("newsreader", ours), ("newsboat", peer and peer[0])):
                for label, presses in (result or {}).items():
                    print(f"{name} {label}: {[p.size for p in presses]}")
        if args.rows:
            print("\nrows repainted (row:bytes), newsreader:")
            painted(ours, log)
            if peer:
                print("newsboat:")
                painted(*peer)


if __name__ == "__main__":
    main()

"""Import and fetch speed beside newsboat, measured in the same run on the same feeds.

Usage: python benchmarks/bench_import.py [--items N] [--big N] [--feeds N] [--per-feed N]

1. A generated Arabic RSS feed of N items (default 10,000) served from 127.0.0.1:
   `newsreader import FILE` (stored and visible: the file's line appears once it is stored;
   then the entity index completes) against `newsboat -x reload` of the same feed over HTTP
   into a fresh cache.
2. `newsreader fetch` of F feeds of P items (default 50 x 100) from 127.0.0.1 (stored and
   visible: its summary line, printed once every feed is stored; then the search and entity
   indexes complete), against newsboat's reload of the same URLs.
3. With --big N (the issue's case is 100000, a 218 MB file): one big feed file imported in
   one command, its peak memory (the process's maximum RSS).
Prints times and ratios (newsreader / newsboat); absolute times move with the machine's load.
Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.feedgen import feed_bytes, write_feed  # noqa: E402
from reader.library.feed_registry import FeedRegistry  # noqa: E402
from tests.fixtures.feeds.server import FeedServer  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
NEWSBOAT = shutil.which("newsboat") or "/usr/bin/newsboat"


def newsreader(db: Path, *argv: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--db", str(db), *argv]


def timed_import(db: Path, path: Path) -> tuple[float, float]:
    """(seconds until the file's line says it is stored, seconds until the command ends)."""
    started = time.monotonic()
    process = subprocess.Popen(
        newsreader(db, "import", str(path)), stdout=subprocess.PIPE, text=True, env=ENV
    )
    assert process.stdout is not None
    stored = 0.0
    for line in process.stdout:
        if line.startswith(str(path)) and not stored:
            stored = time.monotonic() - started
    process.wait()
    return stored, time.monotonic() - started


def newsboat_reload(work: Path, urls: list[str]) -> float:
    """newsboat's reload of `urls` into a fresh cache, in seconds."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "urls").write_text("".join(f"{url}\n" for url in urls))
    (work / "config").write_text("reload-threads 8\nsuppress-first-reload no\n")
    started = time.monotonic()
    subprocess.run(
        [
            NEWSBOAT,
            "-u",
            str(work / "urls"),
            "-c",
            str(work / "cache.db"),
            "-C",
            str(work / "config"),
            "-x",
            "reload",
        ],
        check=True,
        capture_output=True,
        env={**ENV, "HOME": str(work)},
        timeout=3600,
    )
    return time.monotonic() - started


def items_in_cache(work: Path) -> int:
    done = subprocess.run(
        ["sqlite3", str(work / "cache.db"), "select count(*) from rss_item"],
        capture_output=True,
        text=True,
        check=False,
    )
    return int(done.stdout.strip() or 0)


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x newsboat's time" if theirs else "n/a"


def bench_import(tmp: Path, server: FeedServer, count: int) -> None:
    feed = write_feed(tmp / "feed.xml", count)
    url = server.add("/feed.xml", body=feed.read_bytes())
    stored, total = timed_import(tmp / "db-import", feed)
    theirs = newsboat_reload(tmp / "nb-import", [url])
    print(f"import of a {count:,}-item feed ({feed.stat().st_size / 1e6:.1f} MB):")
    print(f"  newsreader stored and visible {stored:6.2f} s  {count / stored:8,.0f} articles/s")
    index = total - stored
    print(f"  entity index complete after   {index:6.2f} s  {count / index:8,.0f} articles/s")
    print(
        f"  newsboat reload               {theirs:6.2f} s  {items_in_cache(tmp / 'nb-import'):,} "
        f"items  {count / theirs:8,.0f} items/s"
    )
    print(f"  ratio (stored): {ratio(stored, theirs)}; (with index): {ratio(total, theirs)}")


def bench_fetch(tmp: Path, server: FeedServer, feeds: int, per_feed: int) -> None:
    urls = [
        server.add(f"/f{n}.xml", body=feed_bytes(per_feed, offset=n * per_feed))
        for n in range(feeds)
    ]
    db = tmp / "db-fetch"
    subprocess.run(newsreader(db, "list"), check=True, capture_output=True, env=ENV)
    FeedRegistry(db).add_many([(url, None, None) for url in urls])
    started = time.monotonic()
    process = subprocess.Popen(newsreader(db, "fetch"), stdout=subprocess.PIPE, text=True, env=ENV)
    assert process.stdout is not None
    stored, summary = 0.0, ""
    for line in process.stdout:  # the summary line is printed once every feed is stored
        if line.startswith(f"{feeds} feed(s):") and not stored:
            stored, summary = time.monotonic() - started, line.strip()
    process.wait()
    ours = time.monotonic() - started
    theirs = newsboat_reload(tmp / "nb-fetch", urls)
    print(f"fetch of {feeds} feeds x {per_feed} items from 127.0.0.1:")
    print(f"  newsreader stored and visible {stored:6.2f} s  ({summary})")
    print(f"  search and entity index after {ours:6.2f} s")
    cached = items_in_cache(tmp / "nb-fetch")
    print(f"  newsboat reload               {theirs:6.2f} s  {cached:,} items")
    print(f"  ratio (stored): {ratio(stored, theirs)}; (with indexes): {ratio(ours, theirs)}")


def bench_big(tmp: Path, count: int) -> None:
    feed = write_feed(tmp / "big.xml", count)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    stored, total = timed_import(tmp / "db-big", feed)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"import of one {feed.stat().st_size / 1e6:.0f} MB feed file of {count:,} items:")
    print(f"  stored {stored:.1f} s ({count / stored:,.0f} articles/s), with index {total:.1f} s")
    print(f"  peak memory {max(peak, before) / 1024:.0f} MB (largest process of the run so far)")


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--per-feed", type=int, default=100)
    parser.add_argument("--big", type=int, default=0, metavar="N")
    args = parser.parse_args()
    version = subprocess.run([NEWSBOAT, "-v"], capture_output=True, text=True).stdout.split()
    python = sys.version.split()[0]
    print(f"machine: {os.cpu_count()} cores, Python {python}, newsboat {version[1]}, {load()}")
    with tempfile.TemporaryDirectory() as name, FeedServer() as server:
        tmp = Path(name)
        if args.big:  # first, so its peak is its own
            bench_big(tmp, args.big)
        bench_import(tmp, server, args.items)
        bench_fetch(tmp, server, args.feeds, args.per_feed)
    print(f"end: {load()}")


if __name__ == "__main__":
    main()

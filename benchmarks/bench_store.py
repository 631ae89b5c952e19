"""The library at scale, beside newsboat on the same generated feed, in the same run.

For each size N (default 1,000, 10,000 and 100,000) it generates N realistic Arabic articles
(titles and bodies drawn from the seed pages' words and paragraphs, dates spread over months,
a ticker headline each, entity-index entries from the real extractor), stores them with the
library and writes the same items as an RSS file that newsboat loads into its own cache.
Then it measures, each app in tmux at 100x30:

- first screen: from starting the program to the ticker's status line (newsreader) / to the
  feed list and to the article list after Enter (newsboat); peak memory (VmHWM) of the
  process at that moment; the median of `--runs` starts of each (3 by default), the two
  apps (and the bare Textual app below) started in turn, run after run;
- the floor: a bare Textual app (one line of text, nothing of ours) started the same way,
  once per run: what any Textual app pays before it paints here;
- in the app: from Enter on a search to its first results and to all of them (the status
  line's count);
- in the library (in process): opening an article, marking it read, starring it (median of
  30), a search and a search's first page (median of 5 words), the size on disk;
- the first screen again once every article is read (a reader's archive mostly is);
- with several sizes, at the end, the first screen of every size started in turn, run after
  run, and each size's time against the smallest's, run by run.

`--old PATH` also runs the app from another source tree (e.g. the release before this
layer, `git worktree add /tmp/old 67f604f`) on a copy of the same database.

Usage: python benchmarks/bench_store.py [N ...] [--old PATH] [--no-newsboat] [--per-day K]
       [--runs K]
The app runs as a user's install does: with its modules' bytecode written once
(PYTHONDONTWRITEBYTECODE is dropped for it; pip compiles at install).
Not a test: nothing is asserted. Numbers go in the README ("Speed and memory").
"""

from __future__ import annotations

import argparse
import html
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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.entities import extract  # noqa: E402
from reader.library.entity_index import IndexedEntity  # noqa: E402
from reader.library.library import Library  # noqa: E402
from reader.models import Article, Headline, ReadingState  # noqa: E402

NEWSREADER = Path(sys.executable).with_name("newsreader")
NEWSBOAT = Path("/usr/bin/newsboat")
WIDTH, HEIGHT = 100, 30
WORDS = ["بايدن", "القاهرة", "الحكومة", "غزة", "الاقتصاد"]
QUERY = "123"  # in the titles' numbers (1,123, 12,300, ...): Latin, so tmux shows it as typed


def corpus() -> tuple[list[str], list[str]]:
    paragraphs: list[str] = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        paragraphs += [p for p in seed.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    words = [w for p in paragraphs for w in p.split() if len(w) > 2]
    return paragraphs, words


def generate(n: int, per_day: int = 100) -> tuple[list[Article], list[Headline]]:
    rng = random.Random(n)
    paragraphs, words = corpus()
    articles, lines = [], []
    days = max(30, n // per_day)  # per_day articles a day (100: a national site), a month at least
    for i in range(n):
        title = " ".join(rng.choice(words) for _ in range(rng.randint(6, 11))) + f" {i}"
        body = tuple(rng.sample(paragraphs, rng.randint(4, min(8, len(paragraphs)))))
        day = time.gmtime(1_700_000_000 + 86400 * (i * days // n))
        published = time.strftime("%Y-%m-%d", day)
        at = f"{i % 24:02}:{i % 60:02}"
        utc = f"{published}T{at}:00+00:00"  # as a feed's item is stored: link and times
        article_id = Article.make_id(title, body)
        link = f"http://127.0.0.1/{article_id}"
        article = Article(article_id, title, body, "bench", published, link=link, published_at=utc)
        articles.append(article)
        lines.append(
            Headline(Headline.make_id(at, title), at, title, "bench", article.id, published, at=utc)
        )
    return articles, lines


def build(db: Path, articles: list[Article], lines: list[Headline]) -> float:
    started = time.perf_counter()
    found: dict[str, list[IndexedEntity]] = {}
    cache: dict[str, Counter[IndexedEntity]] = {}
    for article in articles:  # the real extractor, once per distinct paragraph
        total: Counter[IndexedEntity] = Counter()
        for p in (article.title, *article.paragraphs):
            if p not in cache:
                cache[p] = Counter(
                    {IndexedEntity(e.key, e.text, e.type, 0): e.count for e in extract(p)}
                )
            total.update(cache[p])
        found[article.id] = [replace_count(e, c) for e, c in total.items()]
    library = Library(db)
    for start in range(0, len(articles), 5000):
        library.add(articles[start : start + 5000], lines[start : start + 5000])
        library.entities.add_many({a.id: found[a.id] for a in articles[start : start + 5000]})
    library.search(WORDS[0])  # the search index is built with the store
    library.close()
    return time.perf_counter() - started


def replace_count(entity: IndexedEntity, count: int) -> IndexedEntity:
    return IndexedEntity(entity.key, entity.text, entity.type, count)


def rss(path: Path, articles: list[Article], lines: list[Headline]) -> None:
    items = []
    for article, line in zip(articles, lines, strict=True):
        when = time.strptime(f"{article.published} {line.time}", "%Y-%m-%d %H:%M")
        body = "".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
        items.append(
            f"<item><title>{html.escape(article.title)}</title>"
            f"<link>http://127.0.0.1/{article.id}</link><guid>{article.id}</guid>"
            f"<pubDate>{time.strftime('%a, %d %b %Y %H:%M:00 +0000', when)}</pubDate>"
            f"<description>{html.escape(body)}</description></item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>'
        f"<link>http://127.0.0.1/</link><description>bench</description>{''.join(items)}"
        "</channel></rss>",
        encoding="utf-8",
    )


class Pane:
    """A tmux server running one command; the screen is polled with capture-pane."""

    def __init__(self, command: str, env: dict[str, str]) -> None:
        self.socket = f"bench-{uuid.uuid4().hex[:8]}"
        extra = [f"-e{k}={v}" for k, v in env.items()]
        self.tmux("new-session", "-d", "-s", "b", "-x", str(WIDTH), "-y", str(HEIGHT), *extra)
        self.tmux("set-option", "-t", "b", "status", "off")
        self.pid = int(self.tmux("display", "-p", "-t", "b", "#{pane_pid}"))
        self.tmux("send-keys", "-t", "b", "-l", f"exec {command}")
        self.started = time.perf_counter()
        self.tmux("send-keys", "-t", "b", "Enter")

    def tmux(self, *args: str) -> str:
        env = {**os.environ, "TMUX": ""}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode kept
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=env
        ).stdout.strip()

    def wait(self, pattern: str, timeout: float = 300) -> float:
        """Seconds since start until the screen matches `pattern`."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if re.search(pattern, self.tmux("capture-pane", "-p", "-t", "b")):
                return time.perf_counter() - self.started
            time.sleep(0.01)
        raise TimeoutError(f"{pattern!r} never appeared")

    def peak_mib(self) -> float:
        status = Path(f"/proc/{self.pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status)[1]) / 1024  # type: ignore[index]

    def cpu_ticks(self) -> int:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime

    def settled_peak_mib(self, timeout: float = 120) -> float:
        """VmHWM once the app has used no CPU for a second (its workers are done)."""
        deadline, last = time.perf_counter() + timeout, -1
        while time.perf_counter() < deadline:
            ticks = self.cpu_ticks()
            if ticks == last:
                break
            last = ticks
            time.sleep(1.0)
        return self.peak_mib()

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def first_screen(
    db: Path, work: Path, code: Path | None = None, query: str = "", to_end: bool = False
) -> tuple[float, float, float, float]:
    """Seconds to the first screen and its peak MiB; with `query`, then the seconds from
    Enter to the first results and to all of them (the status line's `/query: N`); with
    `to_end`, the peak MiB after `G` (every month loaded, the cursor on the oldest row)."""
    env = {"NEWSREADER_DB": str(db), "HOME": str(work), "TERM": "xterm-256color"}
    env |= {"LANG": "C.UTF-8", "XDG_CONFIG_HOME": str(work / "cfg")}
    command = f"{NEWSREADER} --bidi app"
    if code is not None:
        env["PYTHONPATH"] = str(code)
        command = f"{sys.executable} -m reader --bidi app"
    pane = Pane(command, env)
    try:
        shown, peak = pane.wait(r"\d+ articles, \d+ unread"), pane.peak_mib()
        if to_end:
            time.sleep(2)
            pane.tmux("send-keys", "-t", "b", "G")
            return shown, peak, pane.settled_peak_mib(), 0.0
        if not query:
            return shown, peak, 0.0, 0.0
        time.sleep(2)  # the app settles (the entity index and the watcher start)
        pane.tmux("send-keys", "-t", "b", "/")
        time.sleep(0.5)  # the search bar takes the focus (keys before it go to the ticker)
        pane.tmux("send-keys", "-t", "b", query)
        time.sleep(0.5)
        pane.started = time.perf_counter()
        pane.tmux("send-keys", "-t", "b", "Enter")
        first = pane.wait(rf"/{query}: \d+")
        return shown, peak, first, pane.wait(rf"/{query}: \d+ \(")
    finally:
        pane.close()


BARE = (
    "from textual.app import App\nfrom textual.widgets import Static\n"
    "class Bare(App[None]):\n    def compose(self):\n"
    "        yield Static('1000 articles, 1000 unread')\n"
    "Bare().run()\n"
)


def bare_textual(work: Path) -> float:
    """Seconds from start to the first paint of a Textual app with one line of text."""
    script = work / "bare_textual.py"
    script.write_text(BARE)
    env = {"HOME": str(work), "TERM": "xterm-256color", "LANG": "C.UTF-8"}  # as the apps'
    pane = Pane(f"{sys.executable} {script}", env)
    try:
        return pane.wait(r"\d+ articles, \d+ unread")
    finally:
        pane.close()


def newsboat_cache(feed: Path, work: Path) -> str:
    """newsboat's command line, its cache loaded once from `feed` (its reload)."""
    urls, cache, config = work / "urls", work / "cache.db", work / "newsboat.conf"
    urls.write_text(f"file://{feed}\n")
    config.write_text("")
    base = f"{NEWSBOAT} -u {urls} -c {cache} -C {config}"
    subprocess.run([*base.split(), "-x", "reload"], check=True, capture_output=True)
    return base


def newsboat(base: str, work: Path) -> tuple[float, float, float]:
    """One start of newsboat: (feed list s, article list s after Enter, peak MiB)."""
    env = {"HOME": str(work), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    pane = Pane(base, env)
    try:
        feeds = pane.wait(r"أخبار")
        pane.tmux("send-keys", "-t", "b", "Enter")
        return feeds, pane.wait(r"Articles in feed"), pane.peak_mib()
    finally:
        pane.close()


def median_ms(action: object, ids: list[str]) -> float:
    times = []
    for article_id in ids:
        time.sleep(0.025)  # keypresses are not back to back (a file written within 20 ms
        # of the last write is read again: its time stamp could hide a second writer)
        started = time.perf_counter()
        action(article_id)  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def in_process(db: Path, ids: list[str]) -> dict[str, float]:
    library = Library(db)
    read = ReadingState(read=True)  # a reading state of realistic size: 10% read
    library.reading.set_many({article_id: read for article_id in ids[: len(ids) // 10]})
    sample = random.Random(0).sample(ids, 30)
    result = {
        "open": median_ms(library.article, sample),
        "mark read": median_ms(library.mark_opened, sample),
        "star": median_ms(lambda i: library.toggle(i, "starred"), sample),
        "search": median_ms(library.search, WORDS),
        "search's first page": median_ms(lambda w: library.search(w, newest=300), WORDS),
    }
    library.reading.set_many({article_id: read for article_id in ids})  # everything read
    result["mark read, all read"] = median_ms(library.mark_opened, sample)
    result["star, all read"] = median_ms(lambda i: library.toggle(i, "starred"), sample)
    library.close()
    started = time.perf_counter()
    Library(db, lazy=True).reading.states()
    result["open the reading state, all read"] = (time.perf_counter() - started) * 1000
    return result


def disk_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def bench(n: int, args: argparse.Namespace, work: Path) -> None:
    articles, lines = generate(n, args.per_day)
    db = work / f"db{n}"
    built = build(db, articles, lines)
    base = None
    if not args.no_newsboat:
        feed = work / f"feed{n}.xml"
        rss(feed, articles, lines)
        (work / "nb").mkdir(exist_ok=True)
        base = newsboat_cache(feed, work / "nb")
    # One start of each in turn, run after run: the load of this shared machine changes
    # from second to second, and each ratio compares starts made a second apart.
    firsts, floors, runs = [], [], []
    for _ in range(args.runs):
        firsts.append(first_screen(db, work))
        floors.append(bare_textual(work))
        if base is not None:
            runs.append(newsboat(base, work / "nb"))
    ours, peak = statistics.median(f[0] for f in firsts), max(f[1] for f in firsts)
    print(
        f"\n{n:,} articles, {args.per_day} a day (stored in {built:.0f} s, "
        f"{disk_mib(db):.0f} MiB on disk)"
    )
    print(f"  newsreader first screen {ours:6.2f} s, peak {peak:5.0f} MiB (median of {args.runs})")
    floor = statistics.median(floors)
    print(f"  bare Textual app first paint {floor:6.2f} s")
    if runs:
        feeds, listed = (statistics.median(r[i] for r in runs) for i in (0, 1))
        nb_peak = max(r[2] for r in runs)
        paired = statistics.median(f[0] / r[1] for f, r in zip(firsts, runs, strict=True))
        print(
            f"  newsboat feed list {feeds:6.2f} s, article list {listed:6.2f} s, peak "
            f"{nb_peak:5.0f} MiB (median of {args.runs}, started in turn with newsreader)"
        )
        print(
            f"    ratio newsreader/newsboat: first screen vs article list {ours / listed:.2f}"
            f" (run by run: median {paired:.2f}), memory {peak / nb_peak:.2f};"
            f" bare Textual vs article list {floor / listed:.2f}"
        )
        shutil.rmtree(work / "nb")
    _, _, after_g, _ = first_screen(db, work, to_end=True)
    print(f"  after G (every month loaded): peak {after_g:5.0f} MiB")
    _, _, first, every = first_screen(db, work, query=QUERY)
    print(f"  in the app, /{QUERY} Enter: results {first * 1000:.0f} ms, all {every * 1000:.0f} ms")
    if args.old:
        old_db = work / f"old{n}"
        shutil.copytree(db, old_db)
        old, old_peak, _, _ = first_screen(old_db, work, Path(args.old))
        print(f"  old release first screen {old:6.2f} s, peak {old_peak:5.0f} MiB")
        print(f"    ratio new/old: time {ours / old:.2f}, memory {peak / old_peak:.2f}")
    timings = in_process(db, [a.id for a in articles])
    print("  " + ", ".join(f"{k} {v:.1f} ms" for k, v in timings.items()))
    read = [first_screen(db, work) for _ in range(args.runs)]  # a reader's archive: all read
    when_read = statistics.median(f[0] for f in read)
    print(
        f"  newsreader first screen, every article read {when_read:6.2f} s, peak "
        f"{max(f[1] for f in read):5.0f} MiB (median of {args.runs})"
    )


def sizes_in_turn(sizes: list[int], runs: int, work: Path) -> None:
    """The first screen of every size started in turn, run after run: the ratio of two sizes
    measured a block apart moves with the machine's load (the bare Textual app itself moved
    1.4x between the 1,000 and 100,000 blocks of one run), started a second apart it holds."""
    times: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(runs):
        for n in sizes:
            times[n].append(first_screen(work / f"db{n}", work)[0])
    small = sizes[0]
    print(f"\nfirst screen, the sizes started in turn, every article read (median of {runs}):")
    for n in sizes:
        paired = statistics.median(t / s for t, s in zip(times[n], times[small], strict=True))
        print(
            f"  {n:>7,} articles {statistics.median(times[n]):6.2f} s;"
            f" against {small:,}: run by run median {paired:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--old", metavar="PATH", help="also run the app from this source tree")
    parser.add_argument("--no-newsboat", action="store_true", help="measure newsreader only")
    parser.add_argument(
        "--per-day", type=int, default=100, help="articles a day (3300: a busy wire's month)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="starts of each app to take the median of"
    )
    args = parser.parse_args()
    for tool in ("tmux", *(() if args.no_newsboat else (str(NEWSBOAT),))):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (apt-get install {Path(tool).name})")
    print(f"machine: {os.cpu_count()} cores, {os.uname().release}; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            bench(n, args, Path(folder))
        if len(args.sizes) > 1:
            sizes_in_turn(sorted(args.sizes), args.runs, Path(folder))


if __name__ == "__main__":
    main()

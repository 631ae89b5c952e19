"""`import` of a big file and `fetch` start their processes' forkserver before the commands'
modules load (and a big feed file's parsing child with it), and the parsers it preloads leave
feedparser until a feed needs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.feedgen import write_feed
from reader.feeds import feed_child
from reader.feeds.feed_file import SAMPLE
from reader.ingest.file_reading import READ
from reader.ingest.pipeline import import_paths
from reader.models import Article, Headline

PARSERS = """
import sys
import reader.feeds.feed_child, reader.feeds.parse_job, reader.library.index_workers
print("feedparser" in sys.modules)
"""

EARLY = """
import sys
import reader.library.index_workers as workers
seen = []
workers.prestart = lambda: seen.append("reader.commands.importing" in sys.modules)
from reader.cli import parse
parse(["--db", sys.argv[1], *sys.argv[2:]])
print(seen)
"""


def _run(probe: str, *argv: str) -> str:
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_preloaded_parsers_do_not_import_feedparser() -> None:
    assert _run(PARSERS) == "False"


def test_the_processes_start_before_the_commands_are_imported(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b"<rss>" + b" " * (2 << 20) + b"</rss>")
    small = tmp_path / "small.xml"
    small.write_bytes(b"<rss></rss>")
    db = str(tmp_path / "db")
    assert _run(EARLY, db, "import", str(big)) == "[False]"
    assert _run(EARLY, db, "import", str(tmp_path)) == "[False]"  # a folder
    assert _run(EARLY, db, "fetch") == "[False]"
    assert _run(EARLY, db, "import", str(small)) == "[]"  # parsed here: no processes
    assert _run(EARLY, db, "list") == "[]"


LIGHT = """
import sys
import reader.library.index_workers as workers
workers.prestart = lambda: None
from reader.cli import parse
args = parse(["--db", sys.argv[1], *sys.argv[2:]])
import reader.commands.importing, reader.feeds.fetch, reader.ingest.pipeline
heavy = ("reader.bidi.layout", "arabic_reshaper", "reader.entities", "reader.views.article_layout")
print(args.command, [m for m in heavy if m in sys.modules])
"""


def test_import_and_fetch_start_without_the_layout_or_the_extractor(tmp_path: Path) -> None:
    """Their parsers and the modules they run with leave the bidi layout (shaping,
    arabic_reshaper, the tables) and the entity extractor to the processes that need them:
    loading them was ~0.15 s of each command's start before the first article was stored."""
    small = tmp_path / "small.xml"
    small.write_bytes(b"<rss></rss>")
    db = str(tmp_path / "db")
    assert _run(LIGHT, db, "import", str(small)) == "import []"
    assert _run(LIGHT, db, "fetch") == "fetch []"


CHILD = """
import sys
import reader.feeds.feed_child as child
import reader.library.index_workers as workers
workers.prestart = lambda: None
seen = []
child.start_early = lambda path, name, batch: seen.append(
    ("reader.commands.importing" in sys.modules, path.name, name, batch)
)
from reader.cli import parse
parse(["--db", sys.argv[1], *sys.argv[2:]])
print(seen)
"""


def test_a_big_file_is_parsed_before_the_commands_are_imported(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b"<rss>" + b" " * (2 << 20) + b"</rss>")
    small = tmp_path / "small.xml"
    small.write_bytes(b"<rss></rss>")
    db = str(tmp_path / "db")
    # the name and batch the pipeline will ask for
    assert (
        _run(CHILD, db, "import", str(small), str(big))
        == f"[(False, 'big.xml', 'big.xml', {READ})]"
    )
    assert _run(CHILD, db, "import", str(tmp_path)) == "[]"  # a folder's files: one by one
    assert _run(CHILD, db, "import", str(small)) == "[]"


def test_the_child_started_early_is_the_one_that_reads(tmp_path: Path) -> None:
    feed = write_feed(tmp_path / "feed.xml", 700)
    assert feed.stat().st_size > SAMPLE
    whole = [len(a) for a, _, _ in feed_child.from_child(feed, "feed.xml", 300)]
    assert whole == [300, 300, 100]
    feed_child.start_early(feed, "feed.xml", 300)
    assert feed in feed_child._EARLY
    assert [len(a) for a, _, _ in feed_child.from_child(feed, "feed.xml", 300)] == whole
    assert feed not in feed_child._EARLY
    feed_child.start_early(feed, "feed.xml", 300)  # asked for otherwise: started again
    assert [len(a) for a, _, _ in feed_child.from_child(feed, "feed.xml", 700)] == [700]
    not_a_feed = tmp_path / "page.html"
    not_a_feed.write_bytes(b"<html>" + b" " * SAMPLE + b"</html>")
    feed_child.start_early(not_a_feed, "page.html", 300)
    feed_child.start_early(write_feed(tmp_path / "small.xml", 10), "small.xml", 300)
    assert not feed_child._EARLY


class Counting:
    """A sink that counts its writes."""

    is_new = False

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.writes = 0

    def has(self, record_id: str) -> bool:
        return record_id in self.ids

    def add(self, articles: list[Article], headlines: list[Headline]) -> tuple[int, int, int]:
        self.writes += 1
        self.ids.update(r.id for r in [*articles, *headlines])
        return len(articles), len(headlines), 0

    def index_pending(self) -> int:
        return 0

    def subscribe(self, outlines: object) -> list[str]:
        return []


def test_a_file_with_nothing_new_costs_no_write(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "<rss version='2.0'><channel><title>t</title><item><title>خبر</title>"
        "<guid>https://x.example/1</guid><description>نص</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    sink = Counting()
    [first] = import_paths(sink, [feed])
    assert (first.articles, sink.writes) == (1, 1)
    [again] = import_paths(sink, [feed])
    assert (again.articles, again.duplicates, sink.writes) == (0, 2, 1)
    assert again.done and not again.failed

"""An RSS, RSS 1.0 or Atom file of any size as batches of records, in bounded memory.

The file is read by the lxml fast path (`stream`) straight from disk; every `batch` items
become articles and headlines, handed over, and forgotten. A file that is not well-formed
or of a dialect the fast path does not know goes to `sniff_feed` (feedparser) whole when it
is small enough to hold; a big one keeps the items read before the fault and says where it
stopped. A file bigger than the sniffing sample is parsed in a child process
(`feed_child`), so that parsing and storing use both cores.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reader.feeds.encoding import effective_charset
from reader.feeds.records import feed_records
from reader.feeds.sniff import Records, root_element, sniff_feed
from reader.feeds.stream import iter_feed
from reader.feeds.stream_entry import NotFast
from reader.feeds.types import ParsedFeed, RawEntry

SAMPLE = 1 << 20  # bytes read to sniff the format and the encoding
WHOLE_LIMIT = 64 * 1024 * 1024  # a file this small may go to feedparser whole
FEED_ROOTS = ("rss", "RDF", "feed")  # what the fast path reads


@dataclass
class RawBatch:
    """Items read but not yet made records (the costly part: HTML to text, sanitising),
    so whichever process has a core free can do it (`cook`)."""

    feed: ParsedFeed | None
    entries: list[RawEntry]
    name: str
    problems: list[str] = field(default_factory=list)

    def cook(self) -> Records:
        head = self.feed or ParsedFeed()
        scope = head.link or head.self_url or self.name  # what `fetch` uses: the site first
        feed = ParsedFeed(entries=self.entries, kind=head.kind)
        articles, lines, problems = feed_records(feed, scope, head.title or self.name)
        return articles, lines, [*self.problems, *problems]


def feed_batches(path: Path, name: str, batch: int = 2000) -> Iterator[Records] | None:
    """Batches of (articles, headlines, problems) when `path` is an XML feed, else None."""
    with path.open("rb") as source:
        head = source.read(SAMPLE)
    if root_element(head) not in FEED_ROOTS:
        return None
    if len(head) < SAMPLE:  # a small file: not worth a process
        return (b if isinstance(b, tuple) else b.cook() for b in raw_batches(path, name, batch))
    from reader.feeds.feed_child import from_child

    return from_child(path, name, batch)


def raw_batches(path: Path, name: str, batch: int) -> Iterator[RawBatch | Records]:
    """The file's items, `batch` at a time, not yet cooked; or, for a small file the fast
    path rejects, feedparser's records of the whole file."""
    with path.open("rb") as source:
        head = source.read(SAMPLE)
    cut = max(head.rfind(b"\n"), head.rfind(b">")) + 1 if len(head) == SAMPLE else len(head)
    charset = effective_charset(head[:cut], None)
    feed: ParsedFeed | None = None
    entries: list[RawEntry] = []
    read = 0
    with path.open("rb") as source:
        try:
            for item in iter_feed(source, "", charset):
                if isinstance(item, ParsedFeed):
                    feed = item
                    continue
                entries.append(item)
                if len(entries) >= batch:
                    read += len(entries)
                    yield RawBatch(feed, entries, name)
                    entries = []
        except (NotFast, etree.LxmlError, LookupError, ValueError) as error:
            if not read and path.stat().st_size <= WHOLE_LIMIT:
                yield sniff_feed(path.read_bytes(), name) or ([], [], ["not a feed"])
                return
            problem = f"feed is not well-formed after item {read + len(entries)}: {error}"
            yield RawBatch(feed, entries, name, [problem[:300]])
            return
    if entries or not read:  # the last items (or, for a feed of none, its head)
        yield RawBatch(feed, entries, name)

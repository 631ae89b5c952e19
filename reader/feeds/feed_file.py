"""An RSS, RSS 1.0 or Atom file of any size as batches of records, in bounded memory.

The file is read by the lxml fast path (`stream`) straight from disk; every `batch` items
become articles and headlines, handed over, and forgotten. A file that is not well-formed
or of a dialect the fast path does not know goes to `sniff_feed` (feedparser) whole when it
is small enough to hold; a big one keeps the items read before the fault and says where it
stopped.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from multiprocessing import get_context
from multiprocessing.connection import Connection
from pathlib import Path

from lxml import etree

from reader.feeds.encoding import effective_charset
from reader.feeds.records import feed_records
from reader.feeds.sniff import Records, root_element, sniff_feed
from reader.feeds.stream import NotFast, iter_feed
from reader.feeds.types import ParsedFeed, RawEntry

SAMPLE = 1 << 20  # bytes read to sniff the format and the encoding
WHOLE_LIMIT = 64 * 1024 * 1024  # a file this small may go to feedparser whole


def feed_batches(path: Path, name: str, batch: int = 2000) -> Iterator[Records] | None:
    """Batches of (articles, headlines, problems) when `path` is an XML feed, else None.

    A big file is parsed in a child process while this one stores what it has been given:
    parsing and storing then use both cores."""
    with path.open("rb") as source:
        head = source.read(SAMPLE)
    if root_element(head) not in ("rss", "RDF", "feed"):
        return None
    if len(head) < SAMPLE:  # a small file: not worth a process
        return _batches(path, name, head, batch)
    return _from_child(path, name, batch)


def _from_child(path: Path, name: str, batch: int) -> Iterator[Records]:
    """The batches parsed by a child process, handed over through a pipe: the child blocks
    while the pipe is full, so at most a batch or two are in flight (bounded memory). A pipe,
    not a multiprocessing Queue: a Queue's semaphores are finalised whenever the garbage
    collector frees them, and a Ctrl-C that lands in such a finaliser is swallowed."""
    context = get_context("forkserver")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_produce, args=(path, name, batch, send), daemon=True)
    child.start()
    send.close()  # the child's end: EOF here once the child is gone
    try:
        while True:
            if not receive.poll(1):
                if not child.is_alive() and not receive.poll(0):
                    yield [], [], ["the parsing process stopped"]
                    return
                continue
            try:
                records = receive.recv()
            except EOFError:
                yield [], [], ["the parsing process stopped"]
                return
            if records is None:
                return
            yield records
    finally:  # also on Ctrl-C, or when the caller stops early
        receive.close()
        if child.is_alive():
            child.terminate()
        child.join(5)


def _produce(path: Path, name: str, batch: int, batches: Connection) -> None:
    """In the child: parse the file and hand the batches over, then None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        try:
            with path.open("rb") as source:
                head = source.read(SAMPLE)
            for records in _batches(path, name, head, batch):
                batches.send(records)
        except (BrokenPipeError, ConnectionResetError):
            raise
        except Exception as error:  # reported, never a traceback from the child
            batches.send(([], [], [f"internal error: {type(error).__name__}: {error}"[:300]]))
        batches.send(None)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the parent stopped reading (Ctrl-C, an early stop): nobody to tell
    finally:
        batches.close()


def _batches(path: Path, name: str, head: bytes, batch: int) -> Iterator[Records]:
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
                    yield _records(feed, entries, name)
                    entries = []
        except (NotFast, etree.LxmlError, LookupError, ValueError) as error:
            if not read and path.stat().st_size <= WHOLE_LIMIT:
                yield sniff_feed(path.read_bytes(), name) or ([], [], ["not a feed"])
                return
            problem = f"feed is not well-formed after item {read + len(entries)}: {error}"
            yield (*_records(feed, entries, name)[:2], [problem[:300]])
            return
    if entries or not read:  # the last items (or, for a feed of none, its head)
        yield _records(feed, entries, name)


def _records(feed: ParsedFeed | None, entries: list[RawEntry], name: str) -> Records:
    head = feed or ParsedFeed()
    scope = head.link or head.self_url or name  # what `fetch` uses: the site first
    return feed_records(ParsedFeed(entries=entries, kind=head.kind), scope, head.title or name)

"""Refresh every subscribed feed: downloads run concurrently (`downloads`), and each feed is
parsed (on the worker processes when there are many) and written to the store on the calling
thread as it arrives, so one slow or broken feed never holds up or stops the others. The
CLI's `fetch` and the app's `R` share this."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from reader.feeds import http
from reader.feeds.downloads import Download, Downloads
from reader.feeds.parse_job import Parsed, parse_body, warm
from reader.feeds.records import unpack
from reader.library import index_workers
from reader.library.feed_registry import Feed, FeedRegistry
from reader.library.index_workers import Found, extract_ahead, pool, stop_pool
from reader.library.indexing import IndexProgress, catch_up_search, index_pending, write_found
from reader.library.store import ArticleStore
from reader.models import Article, Headline
from reader.text.sanitize import clean_line

WORKERS = 8
GROUP = 64  # feeds stored in one write at most
GATHER = 0.5  # seconds a write waits for more feeds to arrive
POLL = 0.1  # seconds between looks at `cancelled()` while waiting for a download
PARALLEL_FEEDS = 8  # from this many feeds, parsing and entity extraction run on the workers


@dataclass(frozen=True)
class Progress:
    """One feed done: `done` of `total`, with a short status for the reader."""

    done: int
    total: int
    feed: str  # the feed's name
    status: str  # "3 new", "not modified", "failed: HTTP 404 Not Found"
    ok: bool = True
    url: str = ""


@dataclass(frozen=True)
class Failure:
    feed: str
    url: str
    error: str


@dataclass
class Summary:
    feeds: int = 0
    new_articles: int = 0
    new_headlines: int = 0
    not_modified: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def all_failed(self) -> bool:
        return self.feeds > 0 and len(self.failures) == self.feeds


@dataclass
class _Result:
    feed: Feed
    response: http.Response | None = None
    records: tuple[list[Article], list[Headline]] = ([], [])
    title: str | None = None
    error: str | None = None
    problems: list[str] = field(default_factory=list)


def _parsed(download: Download) -> _Result:
    """Parse one downloaded feed here; never raises."""
    response = download.response
    if download.error is not None or response is None or response.status == 304:
        return _settled(download)
    return _result(download, parse_body(*_job(download)))


def _settled(download: Download) -> _Result:
    """The result of a download with nothing to parse: failed, or not modified."""
    if download.error is not None or download.response is None:
        return _Result(download.feed, error=download.error or "no response")
    return _Result(download.feed, download.response)


def _job(download: Download) -> tuple[bytes, str, str | None, str, str | None, str]:
    """`parse_body`'s arguments: plain data, so a worker needs nothing but the parser."""
    feed, response = download.feed, download.response
    assert response is not None
    return response.body, response.url, response.content_type, feed.url, feed.name, feed.label


def _result(download: Download, parsed: Parsed) -> _Result:
    if parsed.error is not None:
        return _Result(download.feed, error=parsed.error)
    articles, headlines, _ = unpack((*parsed.records, []))
    return _Result(
        download.feed,
        download.response,
        (articles, headlines),
        parsed.title,
        problems=parsed.problems,
    )


@dataclass
class Started:
    """Downloads under way (`start`), maybe before the store is open: `refresh` stores them."""

    feeds: list[Feed]
    arrived: queue.SimpleQueue[Download | _Result]
    parallel: bool  # parsed on the worker processes
    downloads: Downloads

    def stop(self) -> None:
        self.downloads.stop()


def start(feeds: Sequence[Feed], timeout: float = 15, workers: int = WORKERS) -> Started:
    """Start downloading these feeds (and, from PARALLEL_FEEDS feeds on, parsing them on the
    worker processes) now: it needs the feed list only, so `fetch` starts it before the
    library is opened and loaded."""
    feeds = list(feeds)
    arrived: queue.SimpleQueue[Download | _Result] = queue.SimpleQueue()
    parallel = len(feeds) >= PARALLEL_FEEDS
    put = _on_workers(arrived.put) if parallel else arrived.put
    started = Started(feeds, arrived, parallel, Downloads(feeds, put, timeout, workers))
    started.downloads.start()
    return started


def refresh(
    store: ArticleStore,
    on_progress: Callable[[Progress], None] | None = None,
    timeout: float = 15,
    *,
    only: Sequence[Feed] | None = None,
    workers: int = WORKERS,
    cancelled: Callable[[], bool] = lambda: False,
    on_index: Callable[[IndexProgress], None] | None = None,
    index: bool = True,
    on_stored: Callable[[Summary], None] = lambda summary: None,
    started: Started | None = None,
) -> Summary:
    """Fetch every subscribed feed (or `only` these; or take over the downloads `started`
    already) and store what is new.

    Downloads run concurrently on their own thread; storing happens here, on the calling
    thread, as results arrive. Parsing happens here too for a few feeds; from PARALLEL_FEEDS
    on, on the worker processes of `reader.library.index_workers.pool` (both cores), which also
    extract the new articles' entities once every feed is parsed, while the last feeds are
    stored; those entries are written once everything is stored, whatever `index` says.
    `on_progress` is called after each feed, `on_stored` once every feed is stored (before
    the indexes catch up); when `cancelled()` turns true (it is polled while waiting, too)
    the feeds not yet done are dropped and the summary counts what was stored. Feeds that
    arrive together (on the workers: within GATHER seconds) are stored in one write. The
    entity index is brought up to date once everything is stored (`on_index` hears its
    progress; `index=False` leaves the articles not extracted ahead to the caller), so it
    never holds up storing.
    """
    if started is None:
        feeds = list(only) if only is not None else _subscribed(store.directory)
        if not feeds:
            return Summary()
    else:
        feeds = started.feeds
    summary = Summary(feeds=len(feeds))
    extracting: list[Future[Found]] = []
    # New articles wait for the workers until every feed is parsed: extracting them sooner
    # queued ahead of the parsing of the feeds still downloading (1 ms an article against
    # 0.2 ms), and storing waited for it.
    held: list[Article] = []
    try:
        started = started or start(feeds, timeout, workers)
        arrived, parallel = started.arrived, started.parallel
        done = 0
        while done < len(feeds):
            try:
                group = [arrived.get(timeout=POLL)]
            except queue.Empty:
                if cancelled():
                    break
                continue
            # What arrived meanwhile; on the workers feeds come one by one as they are parsed:
            # wait a little for more (a write costs about the same for 1 or 60 feeds).
            until = time.monotonic() + (GATHER if parallel else 0)
            while len(group) < min(GROUP, len(feeds) - done) and not cancelled():
                try:
                    group.append(arrived.get(timeout=max(0.0, until - time.monotonic())))
                except queue.Empty:
                    break
            parsed = [r if isinstance(r, _Result) else _parsed(r) for r in group]
            stored, new = _store_group(store, parsed, summary)
            for result, (status, ok) in stored:
                done += 1
                feed = result.feed
                if on_progress is not None:
                    on_progress(Progress(done, len(feeds), feed.label, status, ok, feed.url))
            held += new if parallel else []
            if held and done + arrived.qsize() >= len(feeds):  # nothing left to parse
                extracting += extract_ahead(held)  # while the last feeds are stored
                held = []
            if cancelled():
                break
        if not cancelled():
            on_stored(summary)  # everything is stored and shown; the indexes follow
        if held and not cancelled():
            extracting += extract_ahead(held)
        if extracting and not cancelled():
            catch_up_search(store)  # while the workers finish extracting
            write_found(store, extracting)
    except BaseException:  # Ctrl-C, a store error: leave at once, not after queued work
        stop_pool()
        raise
    finally:
        if started is not None:
            started.stop()
    if cancelled():
        stop_pool()
    elif index:  # also a killed run's unindexed articles (a cheap check)
        index_pending(store, on_index, cancelled)
    return summary


def _on_workers(put: Callable[[Download | _Result], None]) -> Callable[[Download], None]:
    """A download handed to a worker process to parse; its result is `put` when done. The
    pool is made here, on the calling thread, before any download arrives."""
    workers = pool()
    for _ in range(index_workers.SIZE):  # the workers start and import the parser meanwhile
        workers.submit(warm)

    def submit(download: Download) -> None:
        if download.response is None or download.response.status == 304:
            put(download)  # nothing to parse
            return
        future = workers.submit(parse_body, *_job(download))
        future.add_done_callback(lambda done: put(_outcome(done, download)))

    return submit


def _outcome(future: Future[Parsed], download: Download) -> _Result:
    try:
        return _result(download, future.result())
    except BaseException as error:  # a worker died, or the pool was stopped
        return _Result(download.feed, error=f"internal error: {type(error).__name__}: {error}")


def _subscribed(directory: Path) -> list[Feed]:
    registry = FeedRegistry(directory)
    try:
        return registry.feeds()
    finally:
        registry.close()


def _store_group(
    store: ArticleStore, results: list[_Result], summary: Summary
) -> tuple[list[tuple[_Result, tuple[str, bool]]], list[Article]]:
    """On the calling thread: the news of feeds that arrived together, in one write, then
    what the fetch learnt of each feed; and the articles that were new."""
    fresh: dict[str, tuple[int, int]] = {}
    seen: set[str] = set()
    articles: list[Article] = []
    headlines: list[Headline] = []
    for result in results:
        new_articles = [a for a in result.records[0] if not (store.has(a.id) or a.id in seen)]
        new_lines = [h for h in result.records[1] if not (store.has(h.id) or h.id in seen)]
        seen.update(a.id for a in new_articles)
        seen.update(h.id for h in new_lines)
        fresh[result.feed.url] = (len(new_articles), len(new_lines))
        articles += new_articles
        headlines += new_lines
    if articles or headlines:
        store.add(articles, headlines)
    learnt = [(result, _record(result, fresh[result.feed.url], summary)) for result in results]
    _write_learnt(store.directory, {r.feed.url: changes for r, (_, _, changes) in learnt})
    return [(result, (status, ok)) for result, (status, ok, _) in learnt], articles


def _record(
    result: _Result, fresh: tuple[int, int], summary: Summary
) -> tuple[str, bool, dict[str, str | None]]:
    """What the fetch learnt of one feed: its status, and the changes for feeds.json."""
    feed, now = result.feed, datetime.now().astimezone().isoformat(timespec="seconds")
    changes: dict[str, str | None] = {"checked": now}
    if result.error is not None:
        reason = clean_line(result.error)[:300]  # servers choose what goes into it
        summary.failures.append(Failure(feed.label, feed.url, reason))
        status, ok = f"failed: {reason}", False
    elif result.response is None or result.response.status == 304:
        summary.not_modified += 1
        status, ok = "not modified", True
    else:
        articles, headlines = fresh
        summary.new_articles += articles
        summary.new_headlines += headlines
        status, ok = f"{max(articles, headlines)} new", True
        if result.problems:
            status += f" ({clean_line(result.problems[0])[:120]})"
        changes.update(etag=result.response.etag, modified=result.response.modified)
        changes["title"] = result.title or feed.title
    changes["status"] = status
    return status, ok, changes


def _write_learnt(directory: Path, learnt: dict[str, dict[str, str | None]]) -> None:
    """One write of feeds.json for a group of feeds (opened afresh, so a feed added
    meanwhile by `newsreader feeds add` in another process is not overwritten)."""
    registry = FeedRegistry(directory)
    try:
        registry.record_many(learnt)
    finally:
        registry.close()

"""Refresh every subscribed feed: downloads run concurrently (`downloads`), and each feed is
parsed (on the worker processes when there are many) and written to the store on the calling
thread as it arrives, so one slow or broken feed never holds up or stops the others. The
CLI's `fetch` and the app's `R` share this."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future

from reader.feeds.fetch_results import Progress, Result, Summary, parsed_here
from reader.feeds.fetch_start import WORKERS, Started, start
from reader.feeds.fetch_storing import store_group, subscribed
from reader.library.feed_registry import Feed
from reader.library.index_workers import Found, extract_ahead, stop_pool
from reader.library.indexing import IndexProgress, catch_up_search, index_pending, write_found
from reader.library.store import ArticleStore
from reader.models import Article

GROUP = 64  # feeds stored in one write at most
GATHER = 0.5  # seconds a write waits for more feeds to arrive
POLL = 0.1  # seconds between looks at `cancelled()` while waiting for a download


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
        feeds = list(only) if only is not None else subscribed(store.directory)
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
            parsed = [r if isinstance(r, Result) else parsed_here(r) for r in group]
            stored, new = store_group(store, parsed, summary)
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

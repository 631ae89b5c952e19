"""Downloads started before the store is open (`start`); from PARALLEL_FEEDS feeds on, each
download is parsed on the worker processes as it arrives."""

from __future__ import annotations

import queue
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.feeds.downloads import Download, Downloads
from reader.feeds.fetch_results import Result, job, outcome
from reader.feeds.parse_job import parse_body, warm
from reader.library import index_workers
from reader.library.feed_registry import Feed
from reader.library.index_workers import pool

WORKERS = 8
PARALLEL_FEEDS = 8  # from this many feeds, parsing and entity extraction run on the workers


@dataclass
class Started:
    """Downloads under way (`start`), maybe before the store is open: `refresh` stores them."""

    feeds: list[Feed]
    arrived: queue.SimpleQueue[Download | Result]
    parallel: bool  # parsed on the worker processes
    downloads: Downloads

    def stop(self) -> None:
        self.downloads.stop()


def start(feeds: Sequence[Feed], timeout: float = 15, workers: int = WORKERS) -> Started:
    """Start downloading these feeds (and, from PARALLEL_FEEDS feeds on, parsing them on the
    worker processes) now: it needs the feed list only, so `fetch` starts it before the
    library is opened and loaded."""
    feeds = list(feeds)
    arrived: queue.SimpleQueue[Download | Result] = queue.SimpleQueue()
    parallel = len(feeds) >= PARALLEL_FEEDS
    put = _on_workers(arrived.put) if parallel else arrived.put
    started = Started(feeds, arrived, parallel, Downloads(feeds, put, timeout, workers))
    started.downloads.start()
    return started


def _on_workers(put: Callable[[Download | Result], None]) -> Callable[[Download], None]:
    """A download handed to a worker process to parse; its result is `put` when done. The
    pool is made here, on the calling thread, before any download arrives."""
    workers = pool()
    for _ in range(index_workers.SIZE):  # the workers start and import the parser meanwhile
        workers.submit(warm)

    def submit(download: Download) -> None:
        if download.response is None or download.response.status == 304:
            put(download)  # nothing to parse
            return
        future = workers.submit(parse_body, *job(download))
        future.add_done_callback(lambda done: put(outcome(done, download)))

    return submit

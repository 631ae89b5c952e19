"""Refresh every subscribed feed: downloads and parsing run in a thread pool, and each feed's
result is written to the store on the calling thread as it arrives, so one slow or broken
feed never holds up or stops the others. The CLI's `fetch` and the app's `R` share this."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime

from reader.feeds import http
from reader.feeds.parse import parse_feed
from reader.feeds.records import feed_records
from reader.library.feed_registry import Feed
from reader.library.store import ArticleStore
from reader.models import Article, Headline
from reader.text.sanitize import clean_line

WORKERS = 8


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


def _download(feed: Feed, timeout: float) -> _Result:
    """In a worker thread: fetch and parse one feed; never raises."""
    try:
        response = http.get(feed.url, feed.etag, feed.modified, timeout)
        if response.status == 304:
            return _Result(feed, response)
        parsed = parse_feed(response.body, response.url, response.content_type)
        if not parsed.is_feed:
            return _Result(feed, error="; ".join(parsed.problems) or "not a feed")
        source = feed.name or parsed.title or feed.label
        articles, lines, problems = feed_records(parsed, parsed.link or feed.url, source)
        return _Result(feed, response, (articles, lines), parsed.title, problems=problems)
    except http.FetchError as error:
        return _Result(feed, error=str(error))
    except Exception as error:  # a bug must not stop the other feeds
        return _Result(feed, error=f"internal error: {type(error).__name__}: {error}")


def refresh(
    store: ArticleStore,
    on_progress: Callable[[Progress], None] | None = None,
    timeout: float = 15,
    *,
    only: Sequence[Feed] | None = None,
    workers: int = WORKERS,
    cancelled: Callable[[], bool] = lambda: False,
) -> Summary:
    """Fetch every subscribed feed (or `only` these) and store what is new.

    `on_progress` is called on the calling thread after each feed; when `cancelled()` turns
    true the feeds not yet done are dropped and the summary counts what was stored.
    """
    feeds = list(only) if only is not None else store.feeds.feeds()
    summary = Summary(feeds=len(feeds))
    if not feeds:
        return summary
    pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(feeds))))
    try:
        futures: list[Future[_Result]] = [pool.submit(_download, f, timeout) for f in feeds]
        for done, future in enumerate(as_completed(futures), start=1):
            result = future.result()
            status, ok = _store(store, result, summary)
            feed = result.feed
            if on_progress is not None:
                on_progress(Progress(done, len(feeds), feed.label, status, ok, feed.url))
            if cancelled():
                break
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    store.index_pending()  # what a killed run stored but did not index
    return summary


def _store(store: ArticleStore, result: _Result, summary: Summary) -> tuple[str, bool]:
    """On the calling thread: write one feed's news and what the fetch learnt.

    The library re-reads feeds.json under its lock before each write, so a feed added
    meanwhile (by `newsreader feeds add` in another process) is never overwritten.
    """
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
        articles, headlines, _ = store.add(*result.records)
        store.index(result.records[0])
        summary.new_articles += articles
        summary.new_headlines += headlines
        status, ok = f"{max(articles, headlines)} new", True
        if result.problems:
            status += f" ({clean_line(result.problems[0])[:120]})"
        changes.update(etag=result.response.etag, modified=result.response.modified)
        changes["title"] = result.title or feed.title
    store.feeds.record(feed.url, status=status, **changes)  # re-read under the lock first
    return status, ok

"""What one feed's fetch came to: the download parsed here or on a worker (`parsed_here`,
`outcome`), and the progress and summary the reader is told."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field

from reader.feeds import http
from reader.feeds.downloads import Download
from reader.feeds.parse_job import Parsed, parse_body
from reader.feeds.records import unpack
from reader.library.feed_registry import Feed
from reader.models import Article, Headline


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
class Result:
    feed: Feed
    response: http.Response | None = None
    records: tuple[list[Article], list[Headline]] = ([], [])
    title: str | None = None
    error: str | None = None
    problems: list[str] = field(default_factory=list)


def parsed_here(download: Download) -> Result:
    """Parse one downloaded feed here; never raises."""
    response = download.response
    if download.error is not None or response is None or response.status == 304:
        return _settled(download)
    return result_of(download, parse_body(*job(download)))


def _settled(download: Download) -> Result:
    """The result of a download with nothing to parse: failed, or not modified."""
    if download.error is not None or download.response is None:
        return Result(download.feed, error=download.error or "no response")
    return Result(download.feed, download.response)


def job(download: Download) -> tuple[bytes, str, str | None, str, str | None, str]:
    """`parse_body`'s arguments: plain data, so a worker needs nothing but the parser."""
    feed, response = download.feed, download.response
    assert response is not None
    return response.body, response.url, response.content_type, feed.url, feed.name, feed.label


def result_of(download: Download, parsed: Parsed) -> Result:
    if parsed.error is not None:
        return Result(download.feed, error=parsed.error)
    articles, headlines, _ = unpack((*parsed.records, []))
    return Result(
        download.feed,
        download.response,
        (articles, headlines),
        parsed.title,
        problems=parsed.problems,
    )


def outcome(future: Future[Parsed], download: Download) -> Result:
    try:
        return result_of(download, future.result())
    except BaseException as error:  # a worker died, or the pool was stopped
        return Result(download.feed, error=f"internal error: {type(error).__name__}: {error}")

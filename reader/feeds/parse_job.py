"""One downloaded feed's bytes to articles and headlines: the job `fetch` hands to a worker
process. It takes and returns plain data (records packed as tuples) and imports only the
parser, so a worker's first job does not wait for the HTTP client, the store or the download
machinery to load."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.feeds.parse import parse_feed
from reader.feeds.records import feed_records, pack


@dataclass(frozen=True)
class Parsed:
    records: tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]] = ([], [])  # packed
    title: str | None = None
    error: str | None = None
    problems: list[str] = field(default_factory=list)


def parse_body(
    body: bytes, url: str, content_type: str | None, feed_url: str, name: str | None, label: str
) -> Parsed:
    """Parse a feed fetched from `url` (after redirects; subscribed as `feed_url`). Its
    records' source: the reader's `name` for it, else the feed's title, else `label`.
    Never raises."""
    try:
        parsed = parse_feed(body, url, content_type)
        if not parsed.is_feed:
            return Parsed(error="; ".join(parsed.problems) or "not a feed")
        source = name or parsed.title or label
        articles, lines, problems = pack(feed_records(parsed, parsed.link or feed_url, source))
        return Parsed((articles, lines), parsed.title, problems=problems)
    except Exception as error:  # a bug must not stop the other feeds
        return Parsed(error=f"internal error: {type(error).__name__}: {error}")


def warm() -> None:
    """Nothing: a worker that runs it has imported this module (the parser) before the first
    download arrives."""

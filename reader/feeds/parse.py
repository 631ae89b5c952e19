"""Feed bytes (RSS 0.9x/1.0/2.0, Atom, JSON Feed) to neutral entries: the lxml fast path
(`stream`) first, feedparser for what it rejects (not well-formed, unknown dialects).

feedparser's own HTML sanitiser and URI resolver are off: entry HTML only ever becomes plain
text (`html_text`), which resolves links itself, and the sanitiser costs half the parse time
of a big feed.
"""

from __future__ import annotations

import io

from lxml import etree

from reader.feeds.encoding import effective_charset, header_charset
from reader.feeds.feedparser_convert import convert
from reader.feeds.jsonfeed import looks_like_json_feed, parse_json_feed
from reader.feeds.stream import iter_feed
from reader.feeds.stream_entry import NotFast
from reader.feeds.types import ParsedFeed, RawEntry
from reader.text.sanitize import safe_references

__all__ = ["ParsedFeed", "RawEntry", "parse_feed"]


def parse_feed(data: bytes, url: str = "", content_type: str | None = None) -> ParsedFeed:
    """Parse feed bytes; never raises. `url` resolves relative links."""
    if looks_like_json_feed(data):
        return parse_json_feed(data, url)
    data = safe_references(data)  # a surrogate reference made feedparser lose the feed
    charset = effective_charset(data, content_type)
    if (fast := read_fast(data, url, charset or _http_charset(content_type))) is not None:
        return fast
    import feedparser  # imported when a feed needs it: 50 ms a process at start-up

    headers = {"content-location": url} if url else {}
    if charset:
        headers["content-type"] = f"application/xml; charset={charset}"
    elif content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(
            io.BytesIO(data),  # never a str: feedparser would take it for a path or a URL
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as error:  # feedparser catches parse errors; be safe about the rest
        return ParsedFeed(problems=[f"not a feed: {error}"])
    return convert(parsed)


def read_fast(data: bytes, url: str = "", encoding: str | None = None) -> ParsedFeed | None:
    """The whole feed through the lxml fast path, or None when it must go to feedparser."""
    try:
        items = iter_feed(io.BytesIO(data), url, encoding)
        head = next(items)
        entries = list(items)
    except (NotFast, etree.LxmlError, LookupError, ValueError):
        return None
    assert isinstance(head, ParsedFeed) and all(isinstance(e, RawEntry) for e in entries)
    head.entries = entries  # type: ignore[assignment]
    return head


def _http_charset(content_type: str | None) -> str | None:
    """A charset the server named (other than UTF-8, which the bytes themselves say)."""
    charset = header_charset(content_type)
    return None if charset in (None, "utf-8", "utf8") else charset

"""JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1), which feedparser 6 does not read."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from reader.feeds.types import ParsedFeed, RawEntry

MARK = b"jsonfeed.org/version/"


def looks_like_json_feed(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and MARK in data


def parse_json_feed(data: bytes, url: str = "") -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as error:
        return ParsedFeed(problems=[f"not a feed: invalid JSON ({error})"])
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed"):
        return ParsedFeed(problems=["not a feed: JSON without a JSON Feed version"])
    base = _str(doc.get("feed_url")) or url
    items = doc.get("items")
    entries = (
        [_entry(item, base, doc) for item in items if isinstance(item, dict)]
        if isinstance(items, list)
        else []
    )
    return ParsedFeed(
        title=_str(doc.get("title")),
        link=_str(doc.get("home_page_url")) or None,
        self_url=_str(doc.get("feed_url")) or None,
        kind="json1",
        entries=entries,
    )


def _entry(item: dict[str, Any], base: str, doc: dict[str, Any]) -> RawEntry:
    html = _str(item.get("content_html"))
    text = _str(item.get("content_text")) or _str(item.get("summary"))
    link = _str(item.get("url")) or _str(item.get("external_url"))
    return RawEntry(
        key=_str(item.get("id")) or link or None,
        title=_str(item.get("title")),
        body=html or text,
        is_html=bool(html),
        base=base,
        link=_join(base, link) if link else None,
        author=_author(item) or _author(doc),
        published=_stamp(item.get("date_published")) or _stamp(item.get("date_modified")),
        enclosures=tuple(
            (_join(base, _str(a.get("url"))), _str(a.get("mime_type")))
            for a in item.get("attachments") or []
            if isinstance(a, dict) and _str(a.get("url"))
        )
        if isinstance(item.get("attachments"), list)
        else (),
    )


def _join(base: str, link: str) -> str:
    """The item's address made absolute; as given when it does not parse (`http://[x`), for
    the records layer to refuse, instead of a ValueError that lost the whole feed."""
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _author(obj: dict[str, Any]) -> str | None:
    authors = obj.get("authors")
    first = authors[0] if isinstance(authors, list) and authors else obj.get("author")
    return _str(first.get("name")) or None if isinstance(first, dict) else None


def _stamp(value: Any) -> float | None:
    try:
        stamp = datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    if stamp is not None and stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)  # RFC 3339 requires an offset; assume UTC like feedparser
    return stamp.timestamp() if stamp else None


def _str(value: Any) -> str:
    """JSON ids may be numbers; anything else that is not a string counts as missing."""
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""

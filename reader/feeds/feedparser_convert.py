"""feedparser's result as neutral entries (`ParsedFeed`, `RawEntry`), for the feeds the lxml
fast path rejects: the feed's head, each entry's body (full content, HTML preferred), times,
enclosures and a title as plain text; and its parse errors in the reader's words."""

from __future__ import annotations

import calendar
from typing import Any
from xml.sax import SAXException, SAXParseException

from reader.feeds.html_text import html_paragraphs
from reader.feeds.types import ParsedFeed, RawEntry

HTML_TYPES = ("text/html", "application/xhtml+xml")


def convert(parsed: Any) -> ParsedFeed:
    from feedparser import CharacterEncodingOverride, NonXMLContentType

    meta = parsed.get("feed", {})
    feed = ParsedFeed(
        title=_text(meta.get("title_detail")) or "",
        link=meta.get("link"),
        self_url=next(
            (x.get("href") for x in meta.get("links", []) if x.get("rel") == "self"), None
        ),
        kind=parsed.get("version") or "",
    )
    # RSS has no xml:base: a relative link in an item is read against the item's own page.
    rss = feed.kind.startswith("rss")
    feed.entries = [_entry(entry, rss) for entry in parsed.get("entries", [])]
    error = parsed.get("bozo_exception")
    if not feed.entries and not feed.kind:
        detail = f": {describe_error(error)}" if isinstance(error, SAXException) else ""
        feed.problems.append(f"not a feed (no RSS, Atom or JSON Feed found){detail}")
    elif error is not None and not isinstance(
        error, (CharacterEncodingOverride, NonXMLContentType)
    ):
        feed.problems.append(
            f"feed is not well-formed, read what could be read: {describe_error(error)}"
        )
    return feed


def describe_error(error: object) -> str:
    """ "mismatched tag at line 2, column 80", never the raw "<unknown>:2:80: mismatched tag"."""
    if isinstance(error, SAXParseException):
        where = f"line {error.getLineNumber()}, column {error.getColumnNumber()}"
        return f"XML error: {error.getMessage()} at {where}"
    if isinstance(error, SAXException):
        return f"XML error: {error.getMessage()}"
    return str(error) or type(error).__name__


def _entry(entry: Any, rss: bool) -> RawEntry:
    body = _body(entry)
    stamps = (entry.get(key) for key in ("published_parsed", "updated_parsed", "created_parsed"))
    stamp = next((s for s in stamps if s), None)
    return RawEntry(
        key=entry.get("id") or entry.get("link") or None,
        title=_text(entry.get("title_detail")),
        body=body.get("value", "") if body else "",
        is_html=bool(body) and body.get("type") in HTML_TYPES,
        base=(rss and entry.get("link")) or (body or {}).get("base", ""),
        link=entry.get("link"),
        author=entry.get("author") or None,
        published=float(calendar.timegm(stamp)) if stamp else None,
        enclosures=_enclosures(entry),
    )


def _enclosures(entry: Any) -> tuple[tuple[str, str], ...]:
    """RSS <enclosure> and Atom rel=enclosure links, then Media RSS content (images)."""
    found = [(e.get("href") or "", e.get("type") or "") for e in entry.get("enclosures") or []]
    found += [(m.get("url") or "", m.get("type") or "") for m in entry.get("media_content") or []]
    return tuple(dict.fromkeys((url, kind) for url, kind in found if url and isinstance(url, str)))


def _body(entry: Any) -> Any:
    """Full content if the entry has it (HTML preferred), else its summary."""
    contents = entry.get("content") or []
    html = [c for c in contents if c.get("type") in HTML_TYPES and c.get("value")]
    if html or contents:
        return max(html or contents, key=lambda c: len(c.get("value", "")))
    return entry.get("summary_detail")


def _text(detail: Any) -> str:
    """A title as plain text (feedparser leaves HTML titles as HTML)."""
    if not detail:
        return ""
    value = str(detail.get("value", ""))
    if detail.get("type") in HTML_TYPES and ("<" in value or "&" in value):
        return " ".join(html_paragraphs(value)[0])
    return value

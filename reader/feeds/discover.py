"""Feed discovery: the feeds a web page names with `<link rel="alternate" type="...">`
(RSS, Atom, JSON Feed), as `feeds add` needs when it is given a site's page. Pure code."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from reader.text.sanitize import clean_line

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
}
MAX_FEEDS = 20


@dataclass(frozen=True)
class Alternate:
    url: str
    title: str  # the link's title attribute, cleaned ("" when none)
    kind: str  # its type: application/rss+xml ...


def looks_like_html(data: bytes, content_type: str | None) -> bool:
    if content_type and content_type.split(";")[0].strip().lower() in (
        "text/html",
        "application/xhtml+xml",
    ):
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def alternate_feeds(data: bytes, page_url: str) -> list[Alternate]:
    """The feeds the page links to, in page order, without duplicates; only http(s)."""
    finder = _Finder()
    try:
        finder.feed(data.decode("utf-8", "replace"))
        finder.close()
    except (AssertionError, ValueError):  # html.parser on truly broken markup
        pass
    base = finder.base or page_url
    found: dict[str, Alternate] = {}
    for href, title, kind in finder.links:
        url = urljoin(base, href.strip())
        if urlsplit(url).scheme.lower() in ("http", "https") and url not in found:
            found[url] = Alternate(url, clean_line(title)[:200], kind)
    return list(found.values())[:MAX_FEEDS]


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        if tag not in ("link", "a") or not values.get("href"):
            return
        rel = values.get("rel", "").lower().split()
        kind = values.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rel and kind in FEED_TYPES:
            self.links.append((values["href"], values.get("title", ""), kind))

"""`newsreader import` for feeds: RSS, Atom and JSON Feed files become articles and headlines;
an OPML file subscribes the database to its feeds. The format is sniffed from the content.

This module is imported by the import pipeline, so it stays light: feedparser and
BeautifulSoup are imported only when a file turns out to be a feed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from reader.models import Article, Headline

Records = tuple[list[Article], list[Headline], list[str]]

# What may come before the root element: whitespace, processing instructions, comments, a
# doctype. Each item is an atomic group (a comment ends at its first "-->", never at a later
# one) and the repeat is possessive, so a match is linear in the input: with a plain `.*?`
# the regex tried every way of grouping N comments, 2**N of them.
_PROLOGUE = r"(?:\s++|(?><\?[^>]*\?>)|(?><!--.*?-->)|<!DOCTYPE[^>\[]*+(?:\[[^\]]*+\][^>]*+)?>)*+"
_ROOT = re.compile(_PROLOGUE + r"<(?:[\w.-]+:)?(rss|RDF|feed|opml)[\s>/]", re.DOTALL)
_NAMESPACES = {
    "RDF": ("purl.org/rss/1.0", "my.netscape.com/rdf"),
    "feed": ("www.w3.org/2005/Atom", "purl.org/atom"),
}

# The feeds an OPML file lists, collected per file for the caller to subscribe (parsers
# never write: the library does).
Outline = tuple[str, str | None, str | None]
_target: ContextVar[list[Outline] | None] = ContextVar("opml_target", default=None)


@contextmanager
def collecting_subscriptions() -> Iterator[list[Outline]]:
    """While importing one file, collect the (url, name, site) an OPML file lists."""
    found: list[Outline] = []
    token = _target.set(found)
    try:
        yield found
    finally:
        _target.reset(token)


def root_element(data: bytes) -> str | None:
    """rss, RDF (RSS 1.0), feed (Atom), opml or json (JSON Feed); None for anything else."""
    from reader.feeds.jsonfeed import looks_like_json_feed

    if looks_like_json_feed(data):
        return "json"
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    match = _ROOT.match(text)
    if match is None:
        return None
    name = match.group(1)
    if name in _NAMESPACES and not any(ns in text for ns in _NAMESPACES[name]):
        return None
    return name


def sniff_feed(data: bytes, filename: str) -> Records | None:
    """The pipeline's sniffer: records for a feed or OPML file, None for anything else."""
    kind = root_element(data)
    if kind is None:
        return None
    if kind == "opml":
        return [], [], _subscribe(data)
    from reader.feeds.parse import parse_feed
    from reader.feeds.records import feed_records

    parsed = parse_feed(data)
    if not parsed.is_feed:
        return [], [], parsed.problems
    scope = parsed.link or parsed.self_url or filename  # what `fetch` uses: the site first
    return feed_records(parsed, scope, parsed.title or filename)


def _subscribe(data: bytes) -> list[str]:
    from reader.feeds.opml import read_opml

    outlines, problems = read_opml(data)
    target = _target.get()
    if target is None:
        return [*problems, f"OPML file lists {len(outlines)} feed(s); nothing subscribed"]
    target.extend(outlines)
    return problems

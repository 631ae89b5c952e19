"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 read as a stream by lxml's iterparse: each item
is handed over as soon as it ends and then dropped, so a feed file of any size is read in
bounded memory, at C speed.

The parser is locked down: no DTD loaded, no entity resolved (no XXE, no billion laughs), no
network, libxml2's size limits kept (no huge_tree). A feed it cannot read (not well-formed,
an unknown dialect) raises NotFast before any item is handed over when it can, so the caller
falls back to feedparser; `parse.py` does that.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from lxml import etree

from reader.feeds.stream_entry import NotFast, entry, plain_title
from reader.feeds.stream_links import absolute
from reader.feeds.types import ParsedFeed, RawEntry

ATOM, ATOM03 = "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"
RSS10, RDF = "http://purl.org/rss/1.0/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RSS10_CHANNEL = f"{{{RSS10}}}channel"


def iter_feed(
    source: IO[bytes], url: str = "", encoding: str | None = None
) -> Iterator[RawEntry | ParsedFeed]:
    """Yield the feed's head (a ParsedFeed without entries) once its first item starts (or at
    the end), then each RawEntry. `url` resolves relative links. Raises NotFast, or
    etree.XMLSyntaxError (or etree.ParseError) where the bytes stop being well-formed."""
    events = etree.iterparse(
        source,
        events=("end",),
        encoding=encoding,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        strip_cdata=True,
    )
    head = ParsedFeed()
    item_tag = ""
    channels: tuple[str, ...] = ()
    sent_head = False
    for _, element in events:
        if not item_tag:  # the first element to end: the root tells the dialect
            root = element.getroottree().getroot()
            head.kind, item_tag = _dialect(root)
            channels = (root.tag,) if head.kind.startswith("atom") else ("channel", _RSS10_CHANNEL)
        if element.tag == item_tag:
            if not sent_head:
                sent_head = True
                yield head
            yield entry(element, head.kind, url)
            _drop(element)
        elif not sent_head and getattr(element.getparent(), "tag", None) in channels:
            _head_field(head, element, url)
    if not item_tag:
        raise NotFast("no element")
    if not sent_head:
        yield head


def _dialect(root: etree._Element) -> tuple[str, str]:
    tag = root.tag
    if tag == "rss":
        version = (root.get("version") or "").strip()
        kinds = {"2.0": "rss20", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094"}
        if version == "0.91":
            public = root.getroottree().docinfo.public_id or ""
            kind = "rss091n" if "netscape" in public.lower() else "rss091u"
        elif version in kinds:
            kind = kinds[version]
        else:
            raise NotFast(f"RSS version {version[:20]!r}")
        return kind, "item"
    if tag == f"{{{RDF}}}RDF":
        return "rss10", f"{{{RSS10}}}item"
    if tag == f"{{{ATOM}}}feed":
        return "atom10", f"{{{ATOM}}}entry"
    if tag == f"{{{ATOM03}}}feed":
        return "atom03", f"{{{ATOM03}}}entry"
    raise NotFast(f"root element {str(tag)[:80]}")


def _head_field(head: ParsedFeed, element: etree._Element, url: str) -> None:
    name = str(element.tag).rpartition("}")[2]
    if name == "title" and not head.title:
        head.title = plain_title(element, head.kind)
    elif name == "link":
        rel, href = element.get("rel", "alternate"), element.get("href")
        if href is None and not head.link and element.text:  # RSS: <link>site</link>
            head.link = absolute(element, element.text, url)
        elif href is not None and rel == "alternate" and not head.link:
            head.link = absolute(element, href, url)
        elif href is not None and rel == "self" and not head.self_url:
            head.self_url = absolute(element, href, url)


def _drop(element: etree._Element) -> None:
    """Free an item and the ones before it: what keeps memory flat on a big file."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while (previous := element.getprevious()) is not None:
            parent.remove(previous)

"""OPML subscription lists: read any OPML 1.0/2.0 file, write OPML 2.0.

Outlines with an `xmlUrl` are feeds, at any depth (folders are flattened); the outline's
`text` (else `title`) becomes the feed's name and `htmlUrl` its site.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from email.utils import formatdate

from reader.feeds.encoding import guess_legacy_arabic
from reader.library.feed_registry import Feed, FeedError, normalise_url
from reader.text.sanitize import clean_line

Outline = tuple[str, str | None, str | None]  # url, name, site


def read_opml(data: bytes) -> tuple[list[Outline], list[str]]:
    """The feeds an OPML file lists, and what was wrong with it. Never raises."""
    try:
        root = _parse(data)
    except (ET.ParseError, ValueError, LookupError) as error:
        return [], [f"not a valid OPML file: {error}"]
    if root.tag.lower() != "opml":
        return [], ["not an OPML file"]
    outlines: list[Outline] = []
    problems: list[str] = []
    for node in root.iter():
        attrs = {key.lower(): value for key, value in node.attrib.items()}
        if node.tag.lower() != "outline" or not attrs.get("xmlurl"):
            continue
        try:
            url = normalise_url(attrs["xmlurl"])
        except FeedError as error:
            problems.append(f"skipped: {error}")
            continue
        outlines.append((url, attrs.get("text") or attrs.get("title"), attrs.get("htmlurl")))
    if not outlines and not problems:
        problems.append("the OPML file lists no feeds")
    return outlines, problems


def _parse(data: bytes) -> ET.Element:
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        if (encoding := guess_legacy_arabic(data)) is None:
            raise
        return ET.fromstring(data, parser=ET.XMLParser(encoding=encoding))


def write_opml(feeds: Iterable[Feed], title: str = "newsreader subscriptions") -> str:
    """An OPML 2.0 document listing `feeds`."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = formatdate(usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        # Sanitised: an address or name stored before the registry refused controls must not
        # reach a terminal (`feeds export` prints this) or another reader raw.
        label, url = clean_line(feed.label), clean_line(feed.url)
        attrs = {"type": "rss", "text": label, "title": label, "xmlUrl": url}
        if feed.site:
            attrs["htmlUrl"] = clean_line(feed.site)
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"

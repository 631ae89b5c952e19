"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 read as a stream by lxml's iterparse: each item
is handed over as soon as it ends and then dropped, so a feed file of any size is read in
bounded memory, at C speed.

The parser is locked down: no DTD loaded, no entity resolved (no XXE, no billion laughs), no
network, libxml2's size limits kept (no huge_tree). A feed it cannot read (not well-formed,
an unknown dialect) raises NotFast before any item is handed over when it can, so the caller
falls back to feedparser; `parse.py` does that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO
from urllib.parse import urljoin

from lxml import etree

from reader.feeds.feed_dates import feed_time
from reader.feeds.types import ParsedFeed, RawEntry

ATOM, ATOM03 = "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"
RSS10, RDF = "http://purl.org/rss/1.0/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CONTENT, DC = "http://purl.org/rss/1.0/modules/content/", "http://purl.org/dc/elements/1.1/"
XHTML = "http://www.w3.org/1999/xhtml"
_RSS10_CHANNEL = f"{{{RSS10}}}channel"
MEDIA = "http://search.yahoo.com/mrss/"
_ENC = "enclosure"
_MEDIA_ITEM = f"{{{MEDIA}}}content"
_HTML_HINTS = ("</", "/>", "<p", "<b", "<i", "<a ", "<br", "<img", "<div", "<span", "&#", "&amp;")
# An absolute http(s) address with nothing urljoin would normalise (no params, query or
# fragment marks, no space or control character): most links and ids.
_PLAIN_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[!-\x22$-:<-=@-~]*)?")
_DATES = ("published", "pubDate", "issued", "date", "updated", "modified", "created")


class NotFast(Exception):
    """The fast path cannot read this feed (the message says why)."""


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
            yield _entry(element, head.kind, url)
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
        head.title = _plain_title(element, head.kind)
    elif name == "link":
        rel, href = element.get("rel", "alternate"), element.get("href")
        if href is None and not head.link and element.text:  # RSS: <link>site</link>
            head.link = _absolute(element, element.text, url)
        elif href is not None and rel == "alternate" and not head.link:
            head.link = _absolute(element, href, url)
        elif href is not None and rel == "self" and not head.self_url:
            head.self_url = _absolute(element, href, url)


def _entry(item: etree._Element, kind: str, url: str) -> RawEntry:
    fields: dict[str, etree._Element] = {}
    links: list[etree._Element] = []
    enclosures: list[tuple[str, str]] = []
    media: list[etree._Element] = []
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        namespace, _, name = tag[1:].rpartition("}") if tag[0] == "{" else ("", "", tag)
        if namespace == MEDIA:
            media += [child] if name == "content" else [c for c in child if c.tag == _MEDIA_ITEM]
            continue
        if name == "link":
            links.append(child)
        elif name == "enclosure":  # its url is kept as written (so does feedparser)
            enclosures.append((child.get("url") or "", child.get("type") or ""))
        fields.setdefault(f"{CONTENT}:{name}" if namespace == CONTENT else name, child)
    atom = kind.startswith("atom")
    guid = fields.get("id" if atom else "guid")
    link = _link(links, url) or _guid_link(guid, url)
    key = _key(guid, url) or link or None
    body, is_html, base = _body(fields, atom, link or "", url)
    author = fields.get("author")
    if author is not None and atom:
        author = next((c for c in author if str(c.tag).endswith("name")), None)
    author = author if author is not None else fields.get("creator")
    return RawEntry(
        key=key,
        title=_plain_title(fields["title"], kind) if "title" in fields else "",
        body=body,
        is_html=is_html,
        base=base,
        link=link,
        author=_text(author) or None,
        published=_date(fields),
        enclosures=_enclosures(enclosures, links, media, url),
    )


def _enclosures(
    found: list[tuple[str, str]],
    links: list[etree._Element],
    media: list[etree._Element],
    url: str,
) -> tuple[tuple[str, str], ...]:
    """RSS <enclosure> and Atom rel=enclosure links, then Media RSS content (as feedparser)."""
    found += [
        (_absolute(x, x.get("href") or "", url), x.get("type") or "")
        for x in links
        if x.get("rel") == "enclosure"
    ]
    found += [(m.get("url") or "", m.get("type") or "") for m in media]
    return tuple(dict.fromkeys((url, kind) for url, kind in found if url))


def _link(links: list[etree._Element], url: str) -> str | None:
    """RSS's <link>text</link>, else the first alternate (Atom-style) link."""
    for link in links:
        if link.get("href") is None and (text := _text(link)):
            return _absolute(link, text, url)
    for link in links:
        if (href := link.get("href")) is not None and link.get("rel", "alternate") == "alternate":
            return _absolute(link, href, url)
    return None


def _guid_link(guid: etree._Element | None, url: str) -> str | None:
    """An id is the link of an item that has none, unless it says it is no permalink."""
    if guid is None or guid.get("isPermaLink", "true").strip().lower() == "false":
        return None
    return _key(guid, url)


def _key(guid: etree._Element | None, url: str) -> str | None:
    """The id; a permalink one read against the document's address, as feedparser does."""
    if guid is None or not (text := _text(guid)):
        return None
    if guid.get("isPermaLink", "true").strip().lower() == "false":
        return text
    return _absolute(guid, text, url)


def _body(
    fields: dict[str, etree._Element], atom: bool, link: str, url: str
) -> tuple[str, bool, str]:
    """(text, is_html, base): full content when there is some, else the summary. RSS has no
    xml:base: its relative links are read against the item's own page."""
    content = fields.get(f"{CONTENT}:encoded")
    if content is not None and (text := (content.text or "").strip()):
        return text, True, link
    if atom:
        for name in ("content", "summary"):
            element = fields.get(name)
            if element is not None:
                text, is_html = _atom_text(element)
                if text or name == "summary":
                    return text, is_html, _base(element, url)
        return "", False, ""
    description = fields.get("description")
    text = (description.text or "").strip() if description is not None else ""
    return text, description is not None, link


def _atom_text(element: etree._Element) -> tuple[str, bool]:
    kind = (element.get("type") or "text").lower()
    if kind in ("xhtml", "application/xhtml+xml"):
        div = next(iter(element), None)
        if div is None:
            return element.text or "", True
        inner = (div.text or "") + "".join(
            etree.tostring(child, encoding="unicode", with_tail=True) for child in div
        )
        return inner.replace(f' xmlns="{XHTML}"', "").strip(), True
    if kind in ("html", "text/html"):
        return (element.text or "").strip(), True
    if kind.startswith(("text", "plain")) or kind == "":
        return "".join(element.itertext()).strip(), False
    raise NotFast(f"content of type {kind[:40]}")


def _plain_title(element: etree._Element, kind: str) -> str:
    if kind.startswith("atom"):
        text, is_html = _atom_text(element)
    else:
        text = element.text or ""
        is_html = any(hint in text for hint in _HTML_HINTS)
    if is_html and ("<" in text or "&" in text):
        from reader.feeds.html_text import html_paragraphs

        return " ".join(html_paragraphs(text)[0])
    return text.strip()


def _date(fields: dict[str, etree._Element]) -> float | None:
    for name in _DATES:
        element = fields.get(name)
        if element is not None and (text := _text(element)):
            stamp = feed_time(text)
            if stamp is not None:
                return stamp
    return None


def _base(element: etree._Element, url: str) -> str:
    try:
        return urljoin(url, element.base or "") if url else element.base or ""
    except ValueError:
        return url


def _absolute(element: etree._Element, href: str, url: str) -> str:
    if _PLAIN_ABSOLUTE.fullmatch(href):  # what urljoin returns unchanged, whatever the base
        return href
    base = _base(element, url)
    try:
        return urljoin(base, href.strip()) if base else href.strip()
    except ValueError:
        return href.strip()


def _text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _drop(element: etree._Element) -> None:
    """Free an item and the ones before it: what keeps memory flat on a big file."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while (previous := element.getprevious()) is not None:
            parent.remove(previous)

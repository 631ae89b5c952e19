"""One streamed item (an RSS <item> or Atom <entry> element) read into a RawEntry: its title,
body, author, date and addresses."""

from __future__ import annotations

from lxml import etree

from reader.feeds.feed_dates import feed_time
from reader.feeds.stream_links import base_of, enclosures_of, first_link, guid_link, key_of, text_of
from reader.feeds.types import RawEntry

CONTENT = "http://purl.org/rss/1.0/modules/content/"
XHTML = "http://www.w3.org/1999/xhtml"
MEDIA = "http://search.yahoo.com/mrss/"
_MEDIA_ITEM = f"{{{MEDIA}}}content"
_HTML_HINTS = ("</", "/>", "<p", "<b", "<i", "<a ", "<br", "<img", "<div", "<span", "&#", "&amp;")
_DATES = ("published", "pubDate", "issued", "date", "updated", "modified", "created")


class NotFast(Exception):
    """The fast path cannot read this feed (the message says why)."""


def entry(item: etree._Element, kind: str, url: str) -> RawEntry:
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
    link = first_link(links, url) or guid_link(guid, url)
    key = key_of(guid, url) or link or None
    body, is_html, base = _body(fields, atom, link or "", url)
    author = fields.get("author")
    if author is not None and atom:
        author = next((c for c in author if str(c.tag).endswith("name")), None)
    author = author if author is not None else fields.get("creator")
    return RawEntry(
        key=key,
        title=plain_title(fields["title"], kind) if "title" in fields else "",
        body=body,
        is_html=is_html,
        base=base,
        link=link,
        author=text_of(author) or None,
        published=_date(fields),
        enclosures=enclosures_of(enclosures, links, media, url),
    )


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
                    return text, is_html, base_of(element, url)
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


def plain_title(element: etree._Element, kind: str) -> str:
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
        if element is not None and (text := text_of(element)):
            stamp = feed_time(text)
            if stamp is not None:
                return stamp
    return None

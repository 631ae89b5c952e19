"""The addresses of a streamed item: its link, id, enclosures and base, resolved against the
document's address as feedparser does; and an element's stripped text."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

# An absolute http(s) address with nothing urljoin would normalise (no params, query or
# fragment marks, no space or control character): most links and ids.
_PLAIN_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[!-\x22$-:<-=@-~]*)?")


def enclosures_of(
    found: list[tuple[str, str]],
    links: list[etree._Element],
    media: list[etree._Element],
    url: str,
) -> tuple[tuple[str, str], ...]:
    """RSS <enclosure> and Atom rel=enclosure links, then Media RSS content (as feedparser)."""
    found += [
        (absolute(x, x.get("href") or "", url), x.get("type") or "")
        for x in links
        if x.get("rel") == "enclosure"
    ]
    found += [(m.get("url") or "", m.get("type") or "") for m in media]
    return tuple(dict.fromkeys((url, kind) for url, kind in found if url))


def first_link(links: list[etree._Element], url: str) -> str | None:
    """RSS's <link>text</link>, else the first alternate (Atom-style) link."""
    for link in links:
        if link.get("href") is None and (text := text_of(link)):
            return absolute(link, text, url)
    for link in links:
        if (href := link.get("href")) is not None and link.get("rel", "alternate") == "alternate":
            return absolute(link, href, url)
    return None


def guid_link(guid: etree._Element | None, url: str) -> str | None:
    """An id is the link of an item that has none, unless it says it is no permalink."""
    if guid is None or guid.get("isPermaLink", "true").strip().lower() == "false":
        return None
    return key_of(guid, url)


def key_of(guid: etree._Element | None, url: str) -> str | None:
    """The id; a permalink one read against the document's address, as feedparser does."""
    if guid is None or not (text := text_of(guid)):
        return None
    if guid.get("isPermaLink", "true").strip().lower() == "false":
        return text
    return absolute(guid, text, url)


def base_of(element: etree._Element, url: str) -> str:
    try:
        return urljoin(url, element.base or "") if url else element.base or ""
    except ValueError:
        return url


def absolute(element: etree._Element, href: str, url: str) -> str:
    if _PLAIN_ABSOLUTE.fullmatch(href):  # what urljoin returns unchanged, whatever the base
        return href
    base = base_of(element, url)
    try:
        return urljoin(base, href.strip()) if base else href.strip()
    except ValueError:
        return href.strip()


def text_of(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""

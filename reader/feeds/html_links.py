"""Links in entry HTML: an address made safe and absolute (`safe_link`), and the ` [n]`
reference a link's text carries (`link_reference`)."""

from __future__ import annotations

import functools
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from reader.text.sanitize import clean_line

LINK_SCHEMES = ("http", "https", "mailto")
_PLAIN_URL = re.compile(r"^((?:https?://[A-Za-z0-9.-]+(?::[0-9]+)?)?)(?:[/?#][!#-~]*)?$")


def safe_link(href: str, base: str = "") -> str | None:
    """An absolute http(s) or mailto address, cleaned, or None."""
    plain = _PLAIN_URL.match(href)
    if plain and "/." not in href:  # the common cases, without urllib's cost
        if plain.group(1):
            return href
        if href.startswith("/") and not href.startswith("//") and (site := _site(base)):
            return site + href
    href = clean_line(href)
    try:
        url = urljoin(base, href) if base else href
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in LINK_SCHEMES and " " not in url else None


@functools.lru_cache(maxsize=256)
def _site(base: str) -> str | None:
    """`https://host:port` of an absolute http(s) base with a plain host, else None."""
    match = _PLAIN_URL.match(base)
    return match.group(1) or None if match else None


def link_reference(tag: Any, base: str, links: list[str]) -> str:
    """` [n]` for a link (numbering it on first sight), else nothing."""
    href = tag.get("href")
    if not isinstance(href, str) or (url := safe_link(href, base)) is None:
        return ""
    if url not in links:
        links.append(url)
    return f" [{links.index(url) + 1}]"

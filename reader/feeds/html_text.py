"""Entry HTML to clean paragraphs and a numbered list of links, through a real HTML parser.

Scripts, styles, frames, forms, navigation and ads (class or id naming ad, advert, sponsor,
promo) are dropped; block elements end paragraphs; a link's text is followed by `[n]`,
n being its place in the returned list (a repeated address keeps its first number).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PageElement

from reader.text.sanitize import clean_line, clean_text, normalise_newlines, split_long

DROP: tuple[str, ...] = (
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "noscript",
    "nav",
    "form",
    "button",
)
DROP += ("object", "embed", "svg", "math", "template", "select", "textarea", "head", "title")
BLOCKS: tuple[str, ...] = (
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "blockquote",
)
BLOCKS += ("h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "pre")
BLOCKS += ("table", "tr", "td", "th", "figure", "figcaption", "hr", "address", "center", "br")
LINK_SCHEMES = ("http", "https", "mailto")
MAX_HTML = 2_000_000

_AD_TOKEN = re.compile(r"^(?:ads?|adv|advert\w*|adsense|adslot|adunit|sponsor\w*|promo\w*)$")
_TOKENS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BREAK = "\u2029"  # paragraph separator: where a block starts or ends


def is_ad(tag: Tag) -> bool:
    """Whether a class or the id names an ad: `ad-slot`, `adsbygoogle`, `sponsoredBox`..."""
    found: str | list[str] = tag.get("class") or []
    names: list[str] = [found] if isinstance(found, str) else [str(n) for n in found]
    names.append(str(tag.get("id") or ""))
    for name in names:
        if name.lower().startswith("adsbygoogle"):
            return True
        if any(_AD_TOKEN.match(token.lower()) for token in _TOKENS.findall(name)):
            return True
    return False


def safe_link(href: str, base: str = "") -> str | None:
    """An absolute http(s) or mailto address, cleaned, or None."""
    href = clean_line(href)
    try:
        url = urljoin(base, href) if base else href
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in LINK_SCHEMES and " " not in url else None


def plain_paragraphs(text: str) -> list[str]:
    """Plain text: each non-empty line is a paragraph."""
    lines = (line for line in clean_text(text).split("\n") if line)
    return [piece for line in lines for piece in split_long(line)]


def html_paragraphs(html: str, base: str = "") -> tuple[list[str], list[str]]:
    """(paragraphs, links) of an HTML fragment; the text of link n carries ` [n]`."""
    soup = BeautifulSoup(html[:MAX_HTML], "html.parser")
    pieces: list[str] = []
    links: list[str] = []
    # Walk the tree with an explicit stack (hostile HTML nests deeply), never mutating it.
    stack: list[tuple[Tag, Iterator[PageElement], str]] = [(soup, iter(soup.contents), "")]
    while stack:
        tag, children, after = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            pieces.append(after + (_BREAK if tag.name in BLOCKS else ""))
        elif type(child) is NavigableString:  # not comments, CDATA, doctypes
            pieces.append(_HTML_SPACE.sub(" ", child))
        elif isinstance(child, Tag) and child.name not in DROP and not is_ad(child):
            if child.name in BLOCKS:
                pieces.append(_BREAK)
            stack.append((child, iter(child.contents), _reference(child, base, links)))
    text = normalise_newlines("".join(pieces))
    paragraphs = [clean_line(chunk) for chunk in text.split("\n")]
    return [piece for p in paragraphs if p for piece in split_long(p)], links


def _reference(tag: Tag, base: str, links: list[str]) -> str:
    """` [n]` for a link (numbering it on first sight), else nothing."""
    href = tag.get("href") if tag.name == "a" else None
    if not isinstance(href, str) or (url := safe_link(href, base)) is None:
        return ""
    if url not in links:
        links.append(url)
    return f" [{links.index(url) + 1}]"

"""Entry HTML to clean paragraphs and a numbered list of links, through lxml's HTML parser
(libxml2: about ten times BeautifulSoup's speed on feed entries; docs/feeds.md).

Scripts, styles, frames, forms, navigation and ads (class or id naming ad, advert, sponsor,
promo) are dropped; block elements end paragraphs; a link's text is followed by `[n]`,
n being its place in the returned list (a repeated address keeps its first number).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from reader.text.sanitize import (
    PARAGRAPH_LIMIT,
    clean_line,
    clean_text,
    needs_cleaning,
    normalise_newlines,
    split_long,
)

DROP = {"script", "style", "iframe", "frame", "frameset", "noscript", "nav", "form", "button"}
DROP |= {"object", "embed", "svg", "math", "template", "select", "textarea", "head", "title"}
BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote"}
BLOCKS |= {"h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "pre"}
BLOCKS |= {"table", "tr", "td", "th", "figure", "figcaption", "hr", "address", "center", "br"}
LINK_SCHEMES = ("http", "https", "mailto")
MAX_HTML = 2_000_000

_AD_TOKEN = re.compile(r"^(?:ads?|adv|advert\w*|adsense|adslot|adunit|sponsor\w*|promo\w*)$")
_TOKENS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_PLAIN_URL = re.compile(r"^((?:https?://[A-Za-z0-9.-]+(?::[0-9]+)?)?)(?:[/?#][!#-~]*)?$")
ENDED = 1 << 62  # _Text.depth once the root has ended
_BREAK = "\u2029"  # paragraph separator: where a block starts or ends
_OTHER_BREAKS = ("\u2028", "\x85", "\x0b")  # what else ends a line (after _fold_spaces)
_local = threading.local()  # an lxml parser must not be shared between threads


def _parser() -> tuple[etree.HTMLParser, _Text]:
    """No network, no DTD, no entity beyond HTML's own; huge_tree so hostile nesting up to
    libxml2's limit is kept (nothing recurses; the input is capped at MAX_HTML). Comments
    and processing instructions reach no method of the target: they are left out."""
    if (made := getattr(_local, "parser", None)) is None:
        target = _Text()
        parser = etree.HTMLParser(target=target, no_network=True, huge_tree=True)
        made = _local.parser = (parser, target)
    return made


def is_ad(tag: Any) -> bool:
    """Whether a class or the id names an ad: `ad-slot`, `adsbygoogle`, `sponsoredBox`...

    `tag` is anything with `.get(attribute)`: an lxml element, or a BeautifulSoup tag."""
    names = tag.get("class") or []
    ident = tag.get("id")
    if not (names or ident):
        return False
    names = names.split() if isinstance(names, str) else list(names)
    names.append(str(ident or ""))
    for name in names:
        if name.lower().startswith("adsbygoogle"):
            return True
        if any(_AD_TOKEN.match(token.lower()) for token in _TOKENS.findall(name)):
            return True
    return False


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


def plain_paragraphs(text: str) -> list[str]:
    """Plain text: each non-empty line is a paragraph."""
    lines = (line for line in clean_text(text).split("\n") if line)
    return [piece for line in lines for piece in split_long(line)]


def html_paragraphs(markup: str, base: str = "") -> tuple[list[str], list[str]]:
    """(paragraphs, links) of an HTML fragment; the text of link n carries ` [n]`."""
    links: list[str] = []
    # NUL would come back as U+FFFD from libxml2; the sanitiser drops it anyway.
    text = _flatten(markup[:MAX_HTML].replace("\x00", ""), base, links)
    if not needs_cleaning(text) and "\u2028" not in text:  # (the other breaks need cleaning)
        paragraphs = [chunk.strip() for chunk in text.split(_BREAK)]  # most entries: one scan
    elif any(mark in text for mark in _OTHER_BREAKS):
        chunks = normalise_newlines(text.replace(_BREAK, "\n")).split("\n")
        paragraphs = [clean_line(chunk) for chunk in chunks if chunk.strip()]
    else:  # the breaks are ours alone: no regex for them
        paragraphs = [clean_line(chunk) for chunk in text.split(_BREAK) if chunk.strip()]
    if len(text) <= PARAGRAPH_LIMIT:  # no paragraph is longer than the text
        return [p for p in paragraphs if p], links
    return [piece for p in paragraphs if p for piece in split_long(p)], links


def _flatten(markup: str, base: str, links: list[str]) -> str:
    """The fragment's text, with _BREAK where blocks start and end.

    libxml2 parses and hands its events to `_Text` (a parser target): no tree is built, no
    text is read out of one, written back or serialised (a third of the cost of doing so)."""
    if not markup.strip():
        return ""
    parser, target = _parser()
    target.begin(base, links)
    try:
        text = etree.fromstring(f"<div>{markup}</div>", parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        text = None
    if text is None or any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        links.clear()
        return _flatten_soup(markup, base, links)  # libxml2 stopped short (hostile nesting)
    return _fold_spaces(text)


class _Text:
    """A parser target collecting the text of the elements kept: a block's start and end
    add _BREAK, a link's end its ` [n]`; a dropped element's text (and all inside it) is
    cut off at its end, its tail kept. `data` is the list's own append: no Python call for
    the most frequent event."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.data = self.pieces.append
        self.after: list[str] = []  # what each open element adds at its end
        self.base, self.links = "", list[str]()
        self.depth = 0  # elements open inside a dropped one (and it), or 0
        self.mark = 0  # where the dropped element's text starts in pieces

    def begin(self, base: str, links: list[str]) -> None:
        self.pieces.clear()
        self.after.clear()
        self.base, self.links, self.depth = base, links, 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self.depth:
            self.depth += 1
        elif tag in DROP or attrib and is_ad(attrib):  # (no attribute: lxml's empty mapping,
            # whose get() is Python's Mapping.get: 1 us)
            self.depth, self.mark = 1, len(self.pieces)
        elif tag in BLOCKS:
            self.pieces.append(_BREAK)
            self.after.append(_BREAK)
        elif tag == "a":
            self.after.append(_reference(attrib, self.base, self.links))
        else:
            self.after.append("")

    def end(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if not self.depth:
                del self.pieces[self.mark :]
        elif self.after:
            self.pieces.append(self.after.pop())
        if not (self.depth or self.after):  # the root ended: what follows is outside it
            self.depth, self.mark = ENDED, len(self.pieces)

    def close(self) -> str:
        if self.depth:
            del self.pieces[self.mark :]
        return "".join(self.pieces)


def _fold_spaces(text: str) -> str:
    """Runs of HTML white space as one space (str.replace: a regex costs 5x more)."""
    for space in "\t\n\r\f":
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _flatten_soup(markup: str, base: str, links: list[str]) -> str:
    """BeautifulSoup's html.parser for what libxml2 would cut short: no nesting limit."""
    from bs4 import BeautifulSoup, Tag
    from bs4.element import NavigableString, PageElement

    soup = BeautifulSoup(markup, "html.parser")
    pieces: list[str] = []
    stack: list[tuple[Tag, Iterator[PageElement], str]] = [(soup, iter(soup.contents), "")]
    while stack:
        tag, children, after = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            pieces.append(after + (_BREAK if tag.name in BLOCKS else ""))
        elif type(child) is NavigableString:  # not comments, CDATA, doctypes
            pieces.append(_fold_spaces(child))
        elif isinstance(child, Tag) and child.name not in DROP and not is_ad(child):
            if child.name in BLOCKS:
                pieces.append(_BREAK)
            reference = _reference(child, base, links) if child.name == "a" else ""
            stack.append((child, iter(child.contents), reference))
    return "".join(pieces)


def _reference(tag: Any, base: str, links: list[str]) -> str:
    """` [n]` for a link (numbering it on first sight), else nothing."""
    href = tag.get("href")
    if not isinstance(href, str) or (url := safe_link(href, base)) is None:
        return ""
    if url not in links:
        links.append(url)
    return f" [{links.index(url) + 1}]"

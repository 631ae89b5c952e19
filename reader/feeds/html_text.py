"""Entry HTML to clean paragraphs and a numbered list of links, through lxml's HTML parser
(libxml2: about ten times BeautifulSoup's speed on feed entries; docs/feeds.md).

Scripts, styles, frames, forms, navigation and ads (class or id naming ad, advert, sponsor,
promo) are dropped; block elements end paragraphs; a link's text is followed by `[n]`,
n being its place in the returned list (a repeated address keeps its first number).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from lxml import etree

from reader.feeds.html_links import link_reference
from reader.feeds.html_target import BLOCKS, BREAK, DROP, TextTarget, fold_spaces, is_ad
from reader.text.sanitize import (
    PARAGRAPH_LIMIT,
    clean_line,
    clean_text,
    needs_cleaning,
    normalise_newlines,
    split_long,
)

MAX_HTML = 2_000_000
_OTHER_BREAKS = ("\u2028", "\x85", "\x0b")  # what else ends a line (after fold_spaces)
_local = threading.local()  # an lxml parser must not be shared between threads


def _parser() -> tuple[etree.HTMLParser, TextTarget]:
    """No network, no DTD, no entity beyond HTML's own; huge_tree so hostile nesting up to
    libxml2's limit is kept (nothing recurses; the input is capped at MAX_HTML). Comments
    and processing instructions reach no method of the target: they are left out."""
    if (made := getattr(_local, "parser", None)) is None:
        target = TextTarget()
        parser = etree.HTMLParser(target=target, no_network=True, huge_tree=True)
        made = _local.parser = (parser, target)
    return made


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
        paragraphs = [chunk.strip() for chunk in text.split(BREAK)]  # most entries: one scan
    elif any(mark in text for mark in _OTHER_BREAKS):
        chunks = normalise_newlines(text.replace(BREAK, "\n")).split("\n")
        paragraphs = [clean_line(chunk) for chunk in chunks if chunk.strip()]
    else:  # the breaks are ours alone: no regex for them
        paragraphs = [clean_line(chunk) for chunk in text.split(BREAK) if chunk.strip()]
    if len(text) <= PARAGRAPH_LIMIT:  # no paragraph is longer than the text
        return [p for p in paragraphs if p], links
    return [piece for p in paragraphs if p for piece in split_long(p)], links


def _flatten(markup: str, base: str, links: list[str]) -> str:
    """The fragment's text, with BREAK where blocks start and end.

    libxml2 parses and hands its events to `TextTarget` (a parser target): no tree is built, no
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
    return fold_spaces(text)


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
            pieces.append(after + (BREAK if tag.name in BLOCKS else ""))
        elif type(child) is NavigableString:  # not comments, CDATA, doctypes
            pieces.append(fold_spaces(child))
        elif isinstance(child, Tag) and child.name not in DROP and not is_ad(child):
            if child.name in BLOCKS:
                pieces.append(BREAK)
            reference = link_reference(child, base, links) if child.name == "a" else ""
            stack.append((child, iter(child.contents), reference))
    return "".join(pieces)

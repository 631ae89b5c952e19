"""The parser target that flattens entry HTML to text as libxml2 hands over its events, and
the rules it shares with the BeautifulSoup fallback: the elements dropped (`DROP`, `is_ad`),
the blocks that end paragraphs (`BLOCKS`, marked by `BREAK`), white space folded."""

from __future__ import annotations

import re
from typing import Any

from reader.feeds.html_links import link_reference

DROP = {"script", "style", "iframe", "frame", "frameset", "noscript", "nav", "form", "button"}
DROP |= {"object", "embed", "svg", "math", "template", "select", "textarea", "head", "title"}
BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote"}
BLOCKS |= {"h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "pre"}
BLOCKS |= {"table", "tr", "td", "th", "figure", "figcaption", "hr", "address", "center", "br"}

_AD_TOKEN = re.compile(r"^(?:ads?|adv|advert\w*|adsense|adslot|adunit|sponsor\w*|promo\w*)$")
_TOKENS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
ENDED = 1 << 62  # TextTarget.depth once the root has ended
BREAK = "\u2029"  # paragraph separator: where a block starts or ends


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


class TextTarget:
    """A parser target collecting the text of the elements kept: a block's start and end
    add BREAK, a link's end its ` [n]`; a dropped element's text (and all inside it) is
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
            self.pieces.append(BREAK)
            self.after.append(BREAK)
        elif tag == "a":
            self.after.append(link_reference(attrib, self.base, self.links))
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


def fold_spaces(text: str) -> str:
    """Runs of HTML white space as one space (str.replace: a regex costs 5x more)."""
    for space in "\t\n\r\f":
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text

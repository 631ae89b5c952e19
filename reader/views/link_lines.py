"""An article's address and its numbered links, as text and as screen lines. Shared by
`newsreader show` and the app's article pane. Pure code (no Textual)."""

from __future__ import annotations

from reader.bidi import VisualLine, layout_paragraph
from reader.bidi.modes import Mode
from reader.models import Article
from reader.text.sanitize import clean_line

LINK_LABEL = "الرابط"  # "the link": what precedes the article's own address


def link_texts(article: Article) -> list[str]:
    """`الرابط: URL` for the article's address, then `[1] URL`, `[2] URL` ... for the
    links of its body (their markers are in the paragraphs). Addresses are cleaned again:
    they are shown, so nothing in them may reach the terminal as a control."""
    out = []
    if article.link:
        out.append(f"{LINK_LABEL}: {clean_line(article.link)}")
    out.extend(f"[{n}] {clean_line(url)}" for n, url in enumerate(article.links, start=1))
    return out


def link_lines(article: Article, width: int, mode: Mode = "app") -> list[VisualLine]:
    """The screen lines of `link_texts`: addresses are left to right whatever the article's
    direction (an address reads left to right), wrapped at the width."""
    return [line for line, _ in addressed_lines(article, width, mode)]


def addressed_lines(
    article: Article, width: int, mode: Mode = "app"
) -> list[tuple[VisualLine, str]]:
    """Each screen line of the links with the address it shows (a long one wraps)."""
    out: list[tuple[VisualLine, str]] = []
    for text in link_texts(article):
        url = text.split()[-1]
        out.extend((line, url) for line in layout_paragraph(text, width, mode, direction="ltr"))
    return out

"""What the article pane shows besides the article's text: the block of its address and
numbered links after the text (laid out left to right, each line a hyperlink to the address
it shows), and the hint shown when no article is open."""

from __future__ import annotations

from rich.style import Style
from textual.strip import Strip

from reader.bidi import fit_line
from reader.bidi.modes import Mode
from reader.ui.browser import safe_url
from reader.ui.widgets.render import StyleFor, blank_strip, line_strip
from reader.views.article_layout import ArticleLine
from reader.views.article_view import OpenArticle
from reader.views.link_lines import addressed_lines

EMPTY_HINT = "اختر خبرا من الشريط واضغط Enter"
LINKS = -1  # the block of the address and links lines


def with_links(
    lines: list[ArticleLine], opened: OpenArticle, width: int, mode: Mode
) -> dict[int, str]:
    """Add the article's address and numbered links after its text (a blank line first);
    the address each added line shows, by line index."""
    links = addressed_lines(opened.article, width, mode)
    if not links:
        return {}
    lines.append(ArticleLine(LINKS, None))
    start = len(lines)
    lines += [ArticleLine(LINKS, line) for line, _ in links]
    return {start + i: url for i, (_, url) in enumerate(links)}


def link_style(base: Style, url: str | None) -> Style:
    """A links line's style: an OSC 8 hyperlink (the one deliberate escape) where the
    address passes the check."""
    checked = safe_url(url)
    return base + Style(link=checked) if checked else base


def hint_strip(
    y: int, width: int, mode: Mode, base: Style, style_for: StyleFor, edges: tuple[str, str]
) -> Strip:
    """Line y of the pane with no article open (`edges` either side): the hint on its
    second line."""
    if y != 1:
        return blank_strip(width, base, edges)
    return line_strip(fit_line(EMPTY_HINT, width, mode), width, base, style_for, edges=edges)

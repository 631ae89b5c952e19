"""The open article laid out for the pane: its lines (text, then the links block) at one
width and mode, laid out again only when the article, the width or the mode changes."""

from __future__ import annotations

from reader.bidi.modes import Mode
from reader.ui.widgets.article_links import with_links
from reader.views.article_layout import ArticleLine, article_lines
from reader.views.article_view import OpenArticle
from reader.views.link_lines import addressed_lines


class LayoutCache:
    def __init__(self) -> None:
        self.lines: list[ArticleLine] = []
        self.urls: dict[int, str] = {}  # line index -> the address it shows
        self._key: tuple[object, ...] = ()

    def update(self, opened: OpenArticle | None, width: int, mode: Mode) -> bool:
        """Lay the article out if the article, width or mode changed; whether it did."""
        key = (width, mode, opened)
        if width <= 0 or key == self._key:
            return False
        self._key = key
        if opened is None:
            self.lines, self.urls = [], {}
        else:
            self.lines = article_lines(opened.article, width, mode, opened.spans)
            self.urls = with_links(self.lines, opened, width, mode)
        return True


def lay_out_ahead(opened: OpenArticle, width: int, mode: Mode) -> None:
    """From a worker: lay the article out now, so that the pane's own layout when it shows
    it is a cache hit (the bidi layer's caches): 10-20 ms less on the UI thread per open."""
    if width > 0:
        article_lines(opened.article, width, mode, opened.spans)
        addressed_lines(opened.article, width, mode)

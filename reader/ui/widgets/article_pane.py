"""The article pane: the open article laid out by the bidi layer at the pane's width, entity
mentions and search matches highlighted in place. It follows the screen's `opened` and
`mode`: a new article starts at the top, a new mode or width keeps the place."""

from __future__ import annotations

from functools import partial

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip

from reader.bidi.modes import Mode
from reader.ui.warm_up import warm_up
from reader.ui.widgets.article_links import LINKS, hint_strip, link_style
from reader.ui.widgets.layout_cache import LayoutCache, lay_out_ahead
from reader.ui.widgets.quiet_focus import QuietFocus
from reader.ui.widgets.render import joined, line_strip
from reader.ui.widgets.terminal_scroll import TerminalScroll
from reader.views.article_layout import META, TITLE, ArticleLine
from reader.views.article_view import OpenArticle

# Each side of the text: a rule and a blank where the pane has neighbours, a blank where it
# spans the screen. Drawn with the line in its style, so they cost a few bytes where CSS
# borders and padding cost an escape sequence each (a separate write per cell).
EDGES = {False: ("│ ", " │"), True: (" ", " ")}


class ArticlePane(QuietFocus, TerminalScroll, can_focus=True):
    COMPONENT_CLASSES = {
        "article--title",
        "article--meta",
        "article--PERSON",
        "article--PLACE",
        "article--ORG",
        "article--match",
        "article--link",
    }

    opened: reactive[OpenArticle | None] = reactive[OpenArticle | None](None)
    mode: reactive[Mode] = reactive[Mode]("app")
    full_width: reactive[bool] = reactive(False)  # no neighbours: no rules at the edges

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._layout = LayoutCache()
        self._frame: tuple[Style, int] | None = None  # style and width, while lines render

    def watch_opened(self, old: OpenArticle | None, new: OpenArticle | None) -> None:
        self._relayout()
        if new is None or old is None or old.id != new.id:
            self.scroll_to(y=0, animate=False, immediate=True)

    def lay_out_ahead(self, opened: OpenArticle) -> None:
        """From a worker: lay the article out at the pane's width and mode now (the pane's
        own layout is then a cache hit). Changes nothing the pane shows."""
        lay_out_ahead(opened, self.text_width, self.mode)

    def watch_mode(self) -> None:
        self._relayout()

    @property
    def lines(self) -> list[ArticleLine]:
        return self._layout.lines

    @property
    def text_width(self) -> int:
        left, right = EDGES[self.full_width]
        return self._width() - len(left) - len(right)

    def _width(self) -> int:
        return self._frame[1] if self._frame else self.scrollable_content_region.width

    def render_lines(self, crop: Region) -> list[Strip]:
        """A frame's lines: the pane's style (a walk up the DOM) and width are found once,
        not for each line (py-spy: a quarter of the time the pane's lines took)."""
        self._frame = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def watch_full_width(self) -> None:
        self._relayout()
        self.refresh()

    def _relayout(self) -> None:
        width = self.text_width
        if self._layout.update(self.opened, width, self.mode):
            self.virtual_size = Size(width, len(self._layout.lines))
            self.refresh()  # every line changed

    def on_mount(self) -> None:
        self.set_timer(0.5, self._warm_up)  # after the first screen, before the first open

    def _warm_up(self) -> None:
        self.run_worker(partial(warm_up, self.text_width, self.mode), thread=True, group="warm")

    def on_resize(self) -> None:
        self._relayout()

    def render_line(self, y: int) -> Strip:
        self._relayout()
        full = self._width()
        strip, base = self._text_line(y, max(1, self.text_width))
        left, right = EDGES[self.full_width]
        cells = len(left) + strip.cell_length + len(right)
        if cells != full:  # a pane narrower than its edges
            edges = (Strip([Segment(edge, base)]) for edge in (left, right))
            return Strip.join([next(edges), strip, next(edges)]).crop_extend(0, full, None)
        return joined([Segment(left, base), *strip, Segment(right, base)], cells)

    def _text_line(self, y: int, width: int) -> tuple[Strip, Style]:
        """The line's text cells, and the style of the line (for its edges)."""
        index = y + self.scroll_offset.y
        base = self._frame[0] if self._frame else self.rich_style
        if self.opened is None:
            return hint_strip(y, width, self.mode, base, self._style_for), base
        lines = self._layout.lines
        entry = lines[index] if 0 <= index < len(lines) else None
        if entry is None or entry.line is None:
            return Strip.blank(width, base), base
        if entry.block == TITLE:
            base += self.get_component_rich_style("article--title")
        elif entry.block == META:
            base += self.get_component_rich_style("article--meta")
        elif entry.block == LINKS:
            link = base + self.get_component_rich_style("article--link")
            base = link_style(link, self._layout.urls.get(index))
        return line_strip(entry.line, width, base, self._style_for), base

    def _style_for(self, name: str) -> Style:
        try:
            return self.get_component_rich_style(f"article--{name}")
        except KeyError:
            return Style()

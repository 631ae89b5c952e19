"""The article pane: the open article laid out by the bidi layer at the pane's width, entity
mentions and search matches highlighted in place. It follows the screen's `opened` and
`mode`: a new article starts at the top, a new mode or width keeps the place."""

from __future__ import annotations

from functools import partial

from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip

from reader.bidi.modes import Mode
from reader.ui.warm_up import warm_up
from reader.ui.widgets.article_links import LINKS, hint_strip, link_style
from reader.ui.widgets.layout_cache import LayoutCache, lay_out_ahead
from reader.ui.widgets.quiet_focus import QuietFocus
from reader.ui.widgets.render import blank_strip, line_strip
from reader.ui.widgets.terminal_scroll import TerminalScroll
from reader.views.article_layout import META, TITLE, ArticleLine
from reader.views.article_view import OpenArticle

# Each side of the text: a rule and a blank where the pane has neighbours, a blank where it
# spans the screen. Drawn with the line in its style, so they cost a few bytes where CSS
# borders and padding cost an escape sequence each (a separate write per cell).
EDGES = {False: ("│ ", " │"), True: (" ", " ")}
NONE = Style()


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
        return self.line_width() - len(left) - len(right)

    def watch_full_width(self) -> None:
        self._relayout()
        self.refresh()

    def _relayout(self) -> None:
        width = self.text_width
        if self._layout.update(self.opened, width, self.mode):
            self.set_lines(width, len(self._layout.lines))
            self.refresh()  # every line changed

    def on_mount(self) -> None:
        self.set_timer(0.5, self._warm_up)  # after the first screen, before the first open

    def _warm_up(self) -> None:
        self.run_worker(partial(warm_up, self.text_width, self.mode), thread=True, group="warm")

    def on_resize(self) -> None:
        self._relayout()

    def render_line(self, y: int) -> Strip:
        self._relayout()
        strip = self._text_line(y, max(1, self.text_width), EDGES[self.full_width])
        full = self.line_width()
        return strip if strip.cell_length == full else strip.crop_extend(0, full, None)

    def _text_line(self, y: int, width: int, edges: tuple[str, str]) -> Strip:
        """The line: its text cells, and the edges either side in the line's style."""
        index = y + self.scroll_offset.y
        base = pane = self.line_style()
        if self.opened is None:
            return hint_strip(y, width, self.mode, base, self._style_for, edges)
        lines = self._layout.lines
        entry = lines[index] if 0 <= index < len(lines) else None
        if entry is None or entry.line is None:
            return blank_strip(width, base, edges)
        if entry.block == TITLE:
            base += self._style_for("title")
        elif entry.block == META:
            base += self._style_for("meta")
        elif entry.block == LINKS:
            base = link_style(base + self._style_for("link"), self._layout.urls.get(index))
        return line_strip(entry.line, width, base, self._style_for, edges=edges, frame=pane)

    def _style_for(self, name: str) -> Style:
        try:
            return self.component_style(f"article--{name}")
        except KeyError:
            return NONE

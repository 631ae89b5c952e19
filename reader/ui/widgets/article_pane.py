"""The article pane: the open article laid out by the bidi layer at the pane's width, entity
mentions and search matches highlighted in place. It follows the screen's `opened` and
`mode`: a new article starts at the top, a new mode or width keeps the place."""

from __future__ import annotations

from functools import partial

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip

from reader.bidi import fit_line
from reader.bidi.modes import Mode
from reader.ui.browser import safe_url
from reader.ui.warm_up import warm_up
from reader.ui.widgets.quiet_focus import QuietFocus
from reader.ui.widgets.render import joined, line_strip
from reader.views.article_layout import META, TITLE, ArticleLine, article_lines
from reader.views.article_view import OpenArticle
from reader.views.link_lines import addressed_lines

EMPTY_HINT = "اختر خبرا من الشريط واضغط Enter"
LINKS = -1  # the block of the address and links lines
# Each side of the text: a rule and a blank where the pane has neighbours, a blank where it
# spans the screen. Drawn with the line in its style, so they cost a few bytes where CSS
# borders and padding cost an escape sequence each (a separate write per cell).
EDGES = {False: ("│ ", " │"), True: (" ", " ")}


class ArticlePane(QuietFocus, can_focus=True):
    BINDINGS = [
        Binding("down,j", "line(1)", "Down", show=False),
        Binding("up,k", "line(-1)", "Up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding("ctrl+d", "half(1)", "Half page down", show=False),
        Binding("ctrl+u", "half(-1)", "Half page up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]
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
        self._lines: list[ArticleLine] = []
        self._urls: dict[int, str] = {}  # line index -> the address it shows
        self._laid: tuple[object, ...] = ()
        self._frame: tuple[Style, int] | None = None  # style and width, while lines render

    def watch_opened(self, old: OpenArticle | None, new: OpenArticle | None) -> None:
        self._relayout()
        if new is None or old is None or old.id != new.id:
            self.scroll_to(y=0, animate=False, immediate=True)

    def lay_out_ahead(self, opened: OpenArticle) -> None:
        """From a worker: lay the article out at the pane's width and mode now, so that the
        layout the pane does when it shows it is a cache hit (the bidi layer's caches): 10-20
        ms less on the UI thread per open. Changes nothing the pane shows."""
        width = self.text_width
        if width > 0:
            article_lines(opened.article, width, self.mode, opened.spans)
            addressed_lines(opened.article, width, self.mode)

    def watch_mode(self) -> None:
        self._relayout()

    @property
    def lines(self) -> list[ArticleLine]:
        return self._lines

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
        key = (width, self.mode, self.opened)
        if width <= 0 or key == self._laid:
            return
        self._laid = key
        opened = self.opened
        self._urls = {}
        self._lines = (
            [] if opened is None else article_lines(opened.article, width, self.mode, opened.spans)
        )
        links = addressed_lines(opened.article, width, self.mode) if opened else []
        if links:  # its address and numbered links, after the text (laid out left to right)
            self._lines.append(ArticleLine(LINKS, None))
            start = len(self._lines)
            self._urls = {start + i: url for i, (_, url) in enumerate(links)}
            self._lines += [ArticleLine(LINKS, line) for line, _ in links]
        self.virtual_size = Size(width, len(self._lines))
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
            return self._hint(y, width), base
        entry = self._lines[index] if 0 <= index < len(self._lines) else None
        if entry is None or entry.line is None:
            return Strip.blank(width, base), base
        if entry.block == TITLE:
            base += self.get_component_rich_style("article--title")
        elif entry.block == META:
            base += self.get_component_rich_style("article--meta")
        elif entry.block == LINKS:
            base += self.get_component_rich_style("article--link")
            if url := safe_url(self._urls.get(index)):  # an OSC 8 hyperlink: the one
                base += Style(link=url)  # deliberate escape, with a checked address
        return line_strip(entry.line, width, base, self._style_for), base

    def _style_for(self, name: str) -> Style:
        try:
            return self.get_component_rich_style(f"article--{name}")
        except KeyError:
            return Style()

    def _hint(self, y: int, width: int) -> Strip:
        if y != 1:
            return Strip.blank(width, self.rich_style)
        return line_strip(
            fit_line(EMPTY_HINT, width, self.mode), width, self.rich_style, self._style_for
        )

    def watch_scroll_y(self, old: float, new: float) -> None:
        lines = round(new) - round(old)
        if not lines or not self._scroll_terminal(lines):
            super().watch_scroll_y(old, new)  # repaint every line of the pane

    def _scroll_terminal(self, lines: int) -> bool:
        """Scroll with the terminal's own scroll region, as curses does: DECSTBM sets the
        rows, SU/SD moves them, and only the lines that come into view are painted. A scroll
        region spans whole rows, so this works only where the pane is the full width of the
        screen (the narrow layout); docs/ssh.md says why it cannot be had beside the ticker.
        Whether it was done."""
        region, scroll_rows = self.content_region, getattr(self.app, "scroll_rows", None)
        height = region.height
        if (
            scroll_rows is None
            or self.app.screen is not self.screen
            or region.x != 0
            or region.width != self.screen.size.width
            or not 0 < abs(lines) < height
            or self._repaint_regions  # lines still to paint would be scrolled off unpainted
        ):
            return False
        if not scroll_rows(region.y, region.bottom - 1, lines):
            return False
        self._styles_cache.clear()  # every line moved: none of the cached ones is current
        fresh = Region(0, height - lines, region.width, lines) if lines > 0 else None
        self.refresh(fresh or Region(0, 0, region.width, -lines))
        return True

    def action_line(self, direction: int) -> None:
        self._jump(direction)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_half(self, direction: int) -> None:
        self._jump(direction * max(1, self.size.height // 2))

    def action_page(self, direction: int) -> None:
        self._jump(direction * max(1, self.scrollable_content_region.height - 1))

    def _jump(self, lines: int) -> None:
        """Scroll at once: an animated scroll repaints the pane once per frame."""
        self.scroll_to(y=self.scroll_y + lines, animate=False)

"""The article pane: the open article laid out by the bidi layer at the pane's width, entity
mentions and search matches highlighted in place. It follows the screen's `opened` and
`mode`: a new article starts at the top, a new mode or width keeps the place."""

from __future__ import annotations

from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip

from reader.bidi import fit_line
from reader.bidi.modes import Mode
from reader.ui.widgets.quiet_focus import QuietFocus
from reader.ui.widgets.render import line_strip
from reader.views.article_layout import META, TITLE, ArticleLine, article_lines
from reader.views.article_view import OpenArticle

EMPTY_HINT = "اختر خبرا من الشريط واضغط Enter"
MARGIN = 1  # blank cells each side, drawn with the line (CSS padding is a separate write)


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
    }

    opened: reactive[OpenArticle | None] = reactive[OpenArticle | None](None)
    mode: reactive[Mode] = reactive[Mode]("app")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[ArticleLine] = []
        self._laid: tuple[object, ...] = ()

    def watch_opened(self, old: OpenArticle | None, new: OpenArticle | None) -> None:
        self._relayout()
        if new is None or old is None or old.id != new.id:
            self.scroll_to(y=0, animate=False, immediate=True)

    def watch_mode(self) -> None:
        self._relayout()

    @property
    def lines(self) -> list[ArticleLine]:
        return self._lines

    @property
    def text_width(self) -> int:
        return self.scrollable_content_region.width - 2 * MARGIN

    def _relayout(self) -> None:
        width = self.text_width
        key = (width, self.mode, self.opened)
        if width <= 0 or key == self._laid:
            return
        self._laid = key
        opened = self.opened
        self._lines = (
            [] if opened is None else article_lines(opened.article, width, self.mode, opened.spans)
        )
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()  # every line changed

    def on_resize(self) -> None:
        self._relayout()

    def render_line(self, y: int) -> Strip:
        self._relayout()
        full = self.scrollable_content_region.width
        strip = self._text_line(y, max(1, self.text_width))
        margin = Strip.blank(MARGIN, self.rich_style)
        return Strip.join([margin, strip, margin]).crop_extend(0, full, None).simplify()

    def _text_line(self, y: int, width: int) -> Strip:
        index = y + self.scroll_offset.y
        if self.opened is None:
            return self._hint(y, width)
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, self.rich_style)
        entry = self._lines[index]
        if entry.line is None:
            return Strip.blank(width, self.rich_style)
        base = self.rich_style
        if entry.block == TITLE:
            base += self.get_component_rich_style("article--title")
        elif entry.block == META:
            base += self.get_component_rich_style("article--meta")
        return line_strip(entry.line, width, base, self._style_for)

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

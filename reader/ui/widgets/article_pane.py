"""The article pane: the article laid out by the bidi layer at the pane's width, entity
mentions and search matches highlighted in place, re-laid out on resize."""

from __future__ import annotations

from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.bidi import Span, fit_line
from reader.models import Article
from reader.ui.widgets.render import line_strip
from reader.views.article_layout import META, TITLE, ArticleLine, article_lines

EMPTY_HINT = "اختر خبرا من الشريط واضغط Enter"


class ArticlePane(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("down,j", "scroll_down", "Down", show=False),
        Binding("up,k", "scroll_up", "Up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("ctrl+d", "half(1)", "Half page down", show=False),
        Binding("ctrl+u", "half(-1)", "Half page up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]
    COMPONENT_CLASSES = {
        "article--title",
        "article--meta",
        "article--PERSON",
        "article--PLACE",
        "article--ORG",
        "article--match",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.spans: tuple[Span, ...] = ()
        self.mode = "app"
        self._lines: list[ArticleLine] = []
        self._laid_width = -1

    def show(
        self,
        article: Article | None,
        spans: tuple[Span, ...] = (),
        mode: str | None = None,
        keep_scroll: bool = False,
    ) -> None:
        self.article, self.spans = article, spans
        self.mode = mode or self.mode
        self._laid_width = -1
        self._relayout()
        if not keep_scroll:
            self.scroll_to(y=0, animate=False)

    @property
    def lines(self) -> list[ArticleLine]:
        return self._lines

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._laid_width:
            return
        self._laid_width = width
        self._lines = (
            []
            if self.article is None
            else article_lines(self.article, width, self.mode, self.spans)
        )
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def on_resize(self) -> None:
        self._relayout()

    def render_line(self, y: int) -> Strip:
        self._relayout()
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        if self.article is None:
            return self._hint(y, width)
        if not 0 <= index < len(self._lines) or self._lines[index].line is None:
            return Strip.blank(width, self.rich_style)
        entry = self._lines[index]
        base = self.rich_style
        if entry.block == TITLE:
            base += self.get_component_rich_style("article--title")
        elif entry.block == META:
            base += self.get_component_rich_style("article--meta")
        assert entry.line is not None
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

    def action_half(self, direction: int) -> None:
        self.scroll_to(y=self.scroll_y + direction * max(1, self.size.height // 2), animate=False)

"""How the article pane scrolls (the lists' rows move by the same watcher): at once (an animated
scroll repaints the pane once per frame), and with the terminal's own scroll region, as curses
does: DECSTBM sets the rows, SU/SD moves them, and only the lines that come into view are
painted (a one-line scroll sends one line, where Textual's compositor repaints every line of the
pane). A scroll region spans whole rows: a widget narrower than the screen (beside the ticker)
scrolls so only where the terminal has left and right margins (reader/ui/margins.py,
docs/ssh.md)."""

from __future__ import annotations

from textual.binding import Binding
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.widget import Widget

from reader.ui.margins import MarginScroll


def _scroller(widget: Widget) -> MarginScroll | None:
    """The app, where it scrolls rows (NewsReaderApp) and the widget's screen is showing."""
    app = widget.app
    return app if isinstance(app, MarginScroll) and app.screen is widget.screen else None


def terminal_can_scroll(widget: Widget) -> bool:
    """Whether the terminal can scroll the widget's rows by itself (it is the screen's full
    width, or the terminal has left and right margins)."""
    region, scroller = widget.content_region, _scroller(widget)
    return scroller is not None and scroller.can_scroll((region.x, region.right - 1))


def scroll_on_terminal(widget: Widget, lines: int) -> bool:
    """Scroll the widget's rows on the terminal (the app's `scroll_rows`, which also moves its
    shadow's rows) and paint only the new lines; whether it was done. Only where it keeps an
    eighth of the rows: a line scrolled in costs its every cell, where a repainted one costs
    0.9 of them (the rules, margins and blanks that stay the same are not sent), so a page
    down (all rows but one new) is a repaint."""
    region, scroller = widget.content_region, _scroller(widget)
    height = region.height
    if (
        scroller is None
        or not 0 < abs(lines) * 8 < height * 7
        or widget._repaint_regions  # lines still to paint would be scrolled off unpainted
    ):
        return False
    if not scroller.scroll_rows(region.y, region.bottom - 1, lines, (region.x, region.right - 1)):
        return False
    widget._styles_cache.clear()  # every line moved: none of the cached ones is current
    fresh = Region(0, height - lines, region.width, lines) if lines > 0 else None
    widget.refresh(fresh or Region(0, 0, region.width, -lines))
    return True


class ScrollsWithTerminal(ScrollView):
    """A scroll view whose rows the terminal moves where it can (`scroll_on_terminal`); where
    it cannot, Textual repaints every line. The article pane and the lists are ones."""

    _all_repainted = True  # whether the last scroll repainted every line

    def watch_scroll_y(self, old: float, new: float) -> None:
        lines = round(new) - round(old)
        self._all_repainted = not (lines and scroll_on_terminal(self, lines))
        if self._all_repainted:
            super().watch_scroll_y(old, new)  # repaint every line
        elif self.show_vertical_scrollbar:
            self.vertical_scrollbar.position = new


class TerminalScroll(ScrollsWithTerminal):
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

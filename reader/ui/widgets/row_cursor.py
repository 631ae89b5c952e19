"""Rows with a cursor that paint themselves (the Line API): the part of a CursorList that
keeps the rows, the cursor and the scroll in step. A cursor move repaints the two lines it
touches, nothing else; rows that did not change are not repainted. A step past the last row
on screen scrolls one line with the terminal's scroll region where the terminal can move
the list's rows (the list is the screen's width, or the terminal has left and right
margins): one new line is sent. Where it cannot (beside the article in tmux or VTE), every
line would be sent again at every step, so the list moves half a page and the cursor lands
in its middle, as mutt does for slow links (docs/ssh.md, "Scrolling the lists")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip

from reader.ui.widgets.quiet_focus import QuietFocus
from reader.ui.widgets.terminal_scroll import ScrollsWithTerminal, terminal_can_scroll

Row = TypeVar("Row")


class RowCursor(QuietFocus, ScrollsWithTerminal, Generic[Row]):
    cursor: reactive[int] = reactive(0, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: tuple[Row, ...] = ()

    # -- what a subclass says ------------------------------------------------------------------
    def key_of(self, row: Row) -> object:
        return row

    def selectable(self, row: Row) -> bool:
        return True

    def render_row(self, row: Row, width: int, selected: bool) -> Strip:
        raise NotImplementedError

    def cursor_cells(self, width: int) -> tuple[int, int]:
        """The cells (x, width) of a row that show the cursor: all of it by default."""
        return 0, width

    # -- rows and cursor ---------------------------------------------------------------------
    def show_items(self, items: Sequence[Row], keep: object = None) -> None:
        """Show these rows; the cursor stays on the row whose key is `keep` (by default the
        one it is on) if it is still there. Only the rows on screen that changed repaint."""
        if keep is None and self.current is not None:
            keep = self.key_of(self.current)
        old, old_cursor = self.items, self.cursor
        self.items = tuple(items)
        index: int | None = old_cursor  # the usual case, found without a search
        if not (old_cursor < len(self.items) and self.key_of(self.items[old_cursor]) == keep):
            index = next((i for i, r in enumerate(self.items) if self.key_of(r) == keep), None)
        at = self.cursor if index is None else index
        self.set_reactive(RowCursor.cursor, self._selectable(at, 1))
        if len(old) != len(self.items):
            self.set_lines(self.size.width, len(self.items))
            self._scroll_to_cursor()
            self.refresh()
            return
        if self._scroll_to_cursor():
            return  # scrolling repaints every line
        moved = {old_cursor, self.cursor} if old_cursor != self.cursor else set()
        top = self.scroll_offset.y
        for y in range(top, min(len(self.items), top + self.size.height)):
            if old[y] != self.items[y]:
                self.refresh_row(y)
            elif y in moved:
                self.refresh_row(y, cursor_only=True)

    @property
    def current(self) -> Row | None:
        return self.items[self.cursor] if 0 <= self.cursor < len(self.items) else None

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.line_width()
        if not 0 <= index < len(self.items):
            return Strip.blank(width, self.line_style())
        return self.render_row(self.items[index], width, index == self.cursor)

    def watch_cursor(self, old: int, new: int) -> None:
        if not self._scroll_to_cursor():
            self.refresh_row(old, cursor_only=True)
            self.refresh_row(new, cursor_only=True)

    def refresh_row(self, index: int, cursor_only: bool = False) -> None:
        """Repaint one row's cells (or only those that show the cursor), not the scrollbar
        beside it."""
        x, width = 0, self.scrollable_content_region.width
        if cursor_only:
            x, width = self.cursor_cells(width)
        self.refresh(Region(x, index - self.scroll_offset.y, width, 1))

    def _scroll_to_cursor(self) -> bool:
        """Scroll so the cursor's row shows; whether every line repaints (the terminal did
        not move the rows)."""
        height = max(1, self.scrollable_content_region.height)
        top = target = self.scroll_offset.y
        if self.cursor < top:
            target = self.cursor
        elif self.cursor >= top + height:
            target = self.cursor - height + 1
        if target == top:
            return False
        if abs(target - top) < height // 2 and not terminal_can_scroll(self):
            target = self.cursor - height // 2  # half a page: a repaint every height/2 steps
        self.scroll_to(y=target, animate=False, immediate=True)
        return self._all_repainted

    def _selectable(self, index: int, step: int) -> int:
        if not self.items:
            return 0
        index = max(0, min(index, len(self.items) - 1))
        for direction in (step, -step):
            probe = index
            while 0 <= probe < len(self.items):
                if self.selectable(self.items[probe]):
                    return probe
                probe += direction
        return index

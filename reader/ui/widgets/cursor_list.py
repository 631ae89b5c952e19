"""A keyboard-driven list that draws its own lines (the Line API): the ticker and the
entity sidebar are both one of these, so they scroll and move the same way. A cursor move
repaints the two lines it touches, nothing else."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from textual.binding import Binding
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip

from reader.ui.widgets.quiet_focus import QuietFocus

Row = TypeVar("Row")


class CursorList(QuietFocus, Generic[Row], can_focus=True):
    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("g,home", "jump(0)", "Top", show=False),
        Binding("G,end", "jump(-1)", "Bottom", show=False),
        Binding("ctrl+d,pagedown", "page(1)", "Half page down", show=False),
        Binding("ctrl+u,pageup", "page(-1)", "Half page up", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

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

    def choose(self, row: Row) -> None:
        """Enter on a selectable row: post the subclass's message carrying it."""

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
        self.set_reactive(CursorList.cursor, self._selectable(at, 1))
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

    def find(self, wanted: Callable[[Row], bool], step: int) -> Row | None:
        """Move to the next (step 1) or previous (-1) selectable row that is `wanted`,
        wrapping around; the row, or None if there is none."""
        count = len(self.items)
        for offset in range(1, count + 1):
            index = (self.cursor + step * offset) % count
            row = self.items[index]
            if self.selectable(row) and wanted(row):
                self.cursor = index
                return row
        return None

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
        """Scroll so the cursor's row shows; whether it scrolled (which repaints all)."""
        height = max(1, self.scrollable_content_region.height)
        target = self.scroll_offset.y
        if self.cursor < target:
            target = self.cursor
        elif self.cursor >= target + height:
            target = self.cursor - height + 1
        if target == self.scroll_offset.y:
            return False
        self.scroll_to(y=target, animate=False, immediate=True)
        return True

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

    def action_move(self, step: int) -> None:
        self.cursor = self._selectable(self.cursor + step, 1 if step > 0 else -1)

    def action_jump(self, where: int) -> None:
        last = len(self.items) - 1
        self.cursor = self._selectable(where if where >= 0 else last, 1 if where >= 0 else -1)

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.size.height // 2))

    def action_choose(self) -> None:
        if self.current is not None and self.selectable(self.current):
            self.choose(self.current)

    def on_resize(self) -> None:
        self.set_lines(self.size.width, len(self.items))

    def focus_changed(self) -> None:
        # the cursor row shows whether the list has the focus
        self.refresh_row(self.cursor, cursor_only=True)
